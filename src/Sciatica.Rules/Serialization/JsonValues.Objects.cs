using System.Text.Json;

namespace Sciatica.Rules;

/// <content>
/// The objects and arrays of items of the contract's documents: each object's fields are numbered by its reader's
/// list of names; a name the object does not know, or one given again, is reported and its value walked past.
/// </content>
internal static partial class JsonValues
{
    /// <summary>Ends an item of an array: without problems it is built; with them, they join the array's items and it is null.</summary>
    public static T? ItemRead<T>(ref ProblemBuffer? items, ProblemBuffer? problems, Func<T> build)
        where T : class
    {
        if (problems is null)
        {
            return build();
        }

        (items ??= new()).AddAll(0, problems);
        return null;
    }

    /// <summary>
    /// Reads the name of a property of an object whose fields are numbered (<paramref name="field"/>, -1 for a name it
    /// does not know): an unknown or repeated name is reported and its value walked past (false); a field's first name
    /// is recorded in <paramref name="seen"/> and <paramref name="first"/>, and the pass moved to its value (true).
    /// </summary>
    public static bool Property(ref JsonPass json, ref ProblemBuffer? problems, int objectId, string objectPath, int field, ref int seen, scoped Span<int> first, string allowedProperties, bool redFlags = false)
    {
        if (field < 0)
        {
            Unknown(ref json, ref problems, objectId, objectPath, allowedProperties);
            return false;
        }

        if ((seen & (1 << field)) != 0)
        {
            Repeated(ref json, objectPath, first[field], redFlags);
            return false;
        }

        seen |= 1 << field;
        first[field] = json.TokenStart;
        json.Read();
        return true;
    }

    /// <summary>Reports a required field of an object that was not given (<c>is required; allowed values: ...</c>).</summary>
    public static void Required(ref ProblemBuffer? problems, int seen, int field, string path, string[] properties, string allowed)
    {
        if ((seen & (1 << field)) == 0)
        {
            Add(ref problems, field + 1, JsonPaths.Child(path, properties[field]), $"is required; allowed values: {allowed}.");
        }
    }

    /// <summary>
    /// Reads a property its object does not know: a problem naming it (unless it repeats a name, which is its own
    /// problem), and its value walked past.
    /// </summary>
    public static void Unknown(ref JsonPass json, ref ProblemBuffer? problems, int objectId, string objectPath, string allowedProperties)
    {
        var repeated = json.IsRepeated(objectId, objectPath);
        var flags = json.NamesRedFlags();
        var name = json.CurrentName;
        if (!repeated && problems?.IsFull(0) == true)
        {
            problems.CountOmitted(0);
        }
        else if (!repeated)
        {
            Add(ref problems, 0, JsonPaths.Child(objectPath, json.Text(objectPath) ?? string.Empty), $"is not a known property; allowed properties: {allowedProperties}.");
        }

        json.Read();
        json.Skip(new FieldPath(objectPath, json.NameOf(name)), flags);
    }

    /// <summary>Walks past the value of a property given a second time (the repetition is the document's problem); <see cref="JsonPass.Skip"/> passes over a value that is not a container.</summary>
    public static void Repeated(ref JsonPass json, string objectPath, int firstStart, bool redFlags)
    {
        json.Repeated(objectPath, firstStart);
        var name = json.CurrentName;
        json.Read();
        json.Skip(new FieldPath(objectPath, json.NameOf(name)), redFlags);
    }

    /// <summary>Reads an array of items, each with <paramref name="read"/>; an array longer than <see cref="JsonValues.MaximumArrayItems"/> is refused whole.</summary>
    public static void ItemArray<T>(ref JsonPass json, ref ProblemBuffer? problems, int slot, FieldPath at, string allowed, out List<T>? values, JsonItemReader<T> read)
        where T : class
    {
        values = null;
        if (json.Token != JsonTokenType.StartArray)
        {
            JsonValues.Wrong(ref json, ref problems, slot, at, "an array of " + allowed);
            return;
        }

        ProblemBuffer? items = null;
        var undecodable = json.UndecodableAt;
        var count = 0;
        var list = new List<T>();
        while (true)
        {
            json.Read();
            if (json.Token == JsonTokenType.EndArray)
            {
                break;
            }

            if (count++ >= JsonValues.MaximumArrayItems)
            {
                json.Skip(at.Item(count - 1), redFlags: false);
                continue;
            }

            if (read(ref json, ref items, at.Item(count - 1).ToString()) is { } value)
            {
                list.Add(value);
            }
        }

        values = list;
        Items(ref json, ref problems, slot, at, count, items, undecodable);
    }
}
