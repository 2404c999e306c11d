using System.Text;
using System.Text.Json;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// Pins <see cref="NameTable"/>, the table that finds a property name given twice in its object: for every name of a
/// document it gives -1 the first time the name appears in its object and the start of that first occurrence every
/// later time, whether the name is written plain or with escapes (kept in the table's own growing buffer), however
/// many names the table holds (growth and rehash), however long a name is, across objects with the same names, and
/// when two names of an object share a hash. Each document is checked against a dictionary model.
/// Written from the mutants the Serialization mutation run (part BC) left alive in NameTable.cs.
/// </summary>
public sealed class NameTableTests
{
    [Fact]
    public void Add_ThreeHundredNamesThenEachAgain_GivesEachItsFirstStart()
    {
        // 300 names grow the table from 16 slots to 512 (six rehashes) and collide in it, so lookups probe.
        var names = Enumerable.Range(0, 300).Select(i => $"\"n{i}\":0").ToList();
        var json = "{" + string.Join(",", names) + "," + string.Join(",", Enumerable.Reverse(names)) + "}";

        var (results, model) = Answers(json);

        Assert.Equal(model, results);
        Assert.Equal(300, results.Count(r => r == -1));
    }

    [Fact]
    public void Add_NameWrittenWithEscapesFirst_LaterPlainAndEscapedRepeatsGiveItsStart()
    {
        const string Json = """{"a":0,"le\u0067Pain":1,"legPain":2,"\u006cegPain":3}""";

        Assert.Equal([-1, -1, 7, 7], Walk(Json));
    }

    [Fact]
    public void Add_PlainNameFirst_EscapedRepeatGivesItsStart()
    {
        const string Json = """{"zz":0,"legPain":1,"le\u0067Pain":2}""";

        Assert.Equal([-1, -1, 8], Walk(Json));
    }

    [Fact]
    public void Add_TwoHundredEscapedNamesThenEachAgain_GivesEachItsFirstStart()
    {
        // 200 kept copies of 8 + 21 bytes: the buffer of kept names grows from 256 bytes four times.
        var names = Enumerable.Range(0, 200).Select(i => $"\"\\u0065scaped-name-{i:D6}\":0").ToList();
        var json = "{" + string.Join(",", names) + "," + string.Join(",", names) + "}";

        var (results, model) = Answers(json);

        Assert.Equal(model, results);
        Assert.Equal(200, results.Count(r => r == -1));
    }

    [Fact]
    public void Add_EscapedNamesOfEveryLengthAroundTheBuffer_GiveTheirFirstStarts()
    {
        // One escaped name after another of 10 characters: every length where the kept copies reach, fill, or pass
        // the first 256 bytes by less than 16, and names longer than two buffers (the buffer grows to fit them).
        int[] lengths = [.. Enumerable.Range(200, 80), 504, 505, 520, 521, 600, 1000, 5000];
        foreach (var length in lengths)
        {
            foreach (var before in new[] { string.Empty, "\"\\u0073hort-name\":0," })
            {
                var name = "\\u0061" + new string('b', length - 1);
                var json = "{" + before + "\"" + name + "\":0,\"x\":1,\"" + name + "\":2," + before + "\"x\":3}";

                var (results, model) = Answers(json);

                Assert.True(model.SequenceEqual(results), $"name of {length} characters after '{before}': {string.Join(", ", results)}");
            }
        }
    }

    [Fact]
    public void Add_SameNamesInDifferentObjects_EachObjectGivesItsOwnFirstStart()
    {
        const string Json = """{"a":0,"b":{"a":1,"b":2,"a":3},"c":[{"a":4,"a":5},{"b":6,"a":7}],"a":8}""";

        var (results, model) = Answers(Json);

        Assert.Equal(model, results);
        Assert.Equal([-1, -1, -1, -1, 12, -1, -1, 37, -1, -1, 1], results);
    }

    [Fact]
    public void Add_TwoNamesOfOneObjectWithTheSameHash_AreTwoNames()
    {
        var (first, second) = Collision(i => (7, Encoding.UTF8.GetBytes($"n{i}")));
        var json = Encoding.UTF8.GetBytes($"\"{Encoding.UTF8.GetString(first.Name)}\" \"{Encoding.UTF8.GetString(second.Name)}\"");
        var secondStart = first.Name.Length + 3;
        var table = new NameTable();

        Assert.Equal(-1, table.Add(7, first.Name, wasEscaped: false, 0, json));
        Assert.Equal(-1, table.Add(7, second.Name, wasEscaped: false, secondStart, json));
        Assert.Equal(secondStart, table.Add(7, second.Name, wasEscaped: false, 0, json));
        Assert.Equal(0, table.Add(7, first.Name, wasEscaped: false, 0, json));
    }

    [Fact]
    public void ReadProfile_UnknownNameGivenAgainWithEscapes_IsReportedWhereItRepeats()
    {
        const string Json = """{"causes":["herniatedDisc"],"legPain":5,"backPain":2,"redFlags":[],"medicalClearance":true,"symptomsTolerateExercise":true,"e\u0078tra":1,"extra":2}""";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(Json));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(new ValidationProblem("$.extra", "appears a second time at line 1, position 139 (first at line 1); allowed: each property once per object.", 1), problem);
    }

    /// <summary>What the table answered for each property name of a document (see <see cref="Answers"/>).</summary>
    private static List<int> Walk(string text) => Answers(text).Table;

    /// <summary>
    /// One walk over the document's names, objects numbered as they open, as the readers do: what one table answered for
    /// each, and the same answer from a dictionary (where each object's unescaped name was first given, or -1).
    /// </summary>
    private static (List<int> Table, List<int> Model) Answers(string text)
    {
        var json = Encoding.UTF8.GetBytes(text);
        var table = new NameTable();
        var first = new Dictionary<(int, string), int>();
        var (answers, model) = (new List<int>(), new List<int>());
        var objects = new Stack<int>();
        var next = 0;
        var reader = new Utf8JsonReader(json);
        var buffer = new byte[json.Length];
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    objects.Push(next++);
                    break;
                case JsonTokenType.EndObject:
                    objects.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var name = reader.ValueIsEscaped ? buffer.AsSpan(0, reader.CopyString(buffer)) : reader.ValueSpan;
                    answers.Add(table.Add(objects.Peek(), name, reader.ValueIsEscaped, (int)reader.TokenStartIndex, json));
                    var key = (objects.Peek(), reader.GetString()!);
                    model.Add(first.TryGetValue(key, out var start) ? start : -1);
                    first.TryAdd(key, (int)reader.TokenStartIndex);
                    break;
            }
        }

        return (answers, model);
    }

    /// <summary>
    /// Two names of one object the table hashes alike, found by trying names until two share a hash (HashCode is seeded
    /// per process; about 80,000 tries are expected, 1,000,000 make a miss all but impossible). The hash is the
    /// table's: the object id, then the name's bytes. (For one name, the hash is a bijection of the object id, so
    /// two objects never share the hash of a name.)
    /// </summary>
    private static ((int ObjectId, byte[] Name) First, (int ObjectId, byte[] Name) Second) Collision(Func<int, (int ObjectId, byte[] Name)> key)
    {
        var seen = new Dictionary<int, int>();
        for (var i = 0; i < 1_000_000; i++)
        {
            var (objectId, name) = key(i);
            var hasher = default(HashCode);
            hasher.Add(objectId);
            hasher.AddBytes(name);
            if (!seen.TryAdd(hasher.ToHashCode(), i))
            {
                return (key(seen[hasher.ToHashCode()]), (objectId, name));
            }
        }

        throw new InvalidOperationException("No two names share a hash.");
    }
}
