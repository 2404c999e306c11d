using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Sciatica.Rules;

/// <summary>
/// The fields of one object of a contract document, read in one pass: the object's fields are numbered by its
/// reader's list of names; a name the object does not know, or one given again, is reported and its value walked
/// past, so the reader sees each field at most once. A value that is not an object is reported on the first
/// <see cref="Next"/>, which then gives false.
/// </summary>
internal ref struct ObjectFields
{
    /// <summary>The most fields an object of the contract has (a profile has 16).</summary>
    public const int MaximumFields = 16;

    private readonly string path;
    private readonly byte[][] names;
    private readonly string[] properties;
    private readonly string allowed;
    private readonly int redFlagsField;
    private Starts first;
    private int id;

    /// <summary>Prepares to read the object at <paramref name="path"/>; <paramref name="redFlagsField"/> is the field whose repeated value is still screened for red flags.</summary>
    public ObjectFields(string path, byte[][] names, string[] properties, string allowed, int redFlagsField = -1)
    {
        if (names.Length > MaximumFields)
        {
            throw new ArgumentException($"An object of the contract has at most {MaximumFields} fields.", nameof(names));
        }

        (this.path, this.names, this.properties, this.allowed, this.redFlagsField) = (path, names, properties, allowed, redFlagsField);
        Field = -1;
        id = -1;
    }

    /// <summary>Gets the fields given so far, a bit each.</summary>
    public int Seen { get; private set; }

    /// <summary>Gets the field <see cref="Next"/> moved to, -1 before the first and at the end.</summary>
    public int Field { get; private set; }

    /// <summary>Gets whether the value read is an object (known after the first <see cref="Next"/>).</summary>
    public readonly bool IsObject => id > 0;

    /// <summary>Gets the problem slot of the current field: slot 0 holds the unknown properties.</summary>
    public readonly int Slot => Field + 1;

    /// <summary>Gets the path of the current field.</summary>
    public readonly FieldPath At => new(path, properties[Field]);

    /// <summary>
    /// Moves to the next field of the object and onto its value; false at the object's end, or when the value is not
    /// an object (reported). The field after the one read last is tried first, as documents mostly keep the order.
    /// </summary>
    public bool Next(ref JsonPass json, ref ProblemBuffer? problems)
    {
        if (id == 0)
        {
            return false;
        }

        if (id < 0)
        {
            if (json.Token != JsonTokenType.StartObject)
            {
                id = 0;
                return JsonValues.Wrong(ref json, ref problems, 0, new FieldPath(path, null), "a JSON object");
            }

            id = json.NewObject();
        }

        var expected = Field + 1;
        while (true)
        {
            json.Read();
            if (json.Token == JsonTokenType.EndObject)
            {
                Field = -1;
                return false;
            }

            var field = json.Match(names, expected);
            Field = field;
            if (field >= 0 && (Seen & (1 << field)) == 0)
            {
                // The common case, without the call that reports an unknown or repeated name.
                Seen |= 1 << field;
                first[field] = json.TokenStart;
                json.Read();
                return true;
            }

            var seen = Seen;
            _ = JsonValues.Property(ref json, ref problems, id, path, field, ref seen, first, allowed, field >= 0 && field == redFlagsField);
        }
    }

    /// <summary>Reports each required field not given, with what it allows, in the order listed; nothing when the value was not an object.</summary>
    public readonly void Required(ref ProblemBuffer? problems, ReadOnlySpan<(int Field, string Allowed)> required)
    {
        foreach (var (field, allowedValues) in IsObject ? required : [])
        {
            JsonValues.Required(ref problems, Seen, field, path, properties, allowedValues);
        }
    }

    /// <summary>Where each field's first name starts, for the message about a name given again.</summary>
    [InlineArray(MaximumFields)]
    private struct Starts
    {
        private int start;
    }
}
