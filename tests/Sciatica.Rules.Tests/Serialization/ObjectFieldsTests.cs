using System.Text;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// The field walker every contract object reader shares, on its own: what it promises its readers beyond what one
/// document shows (a value that is no object gives false for good, the field at the end, the size it refuses).
/// </summary>
public sealed class ObjectFieldsTests
{
    private static readonly string[] Properties = ["a", "b"];

    private static ObjectFields Fields() => new("$.x", Utf8Names.Of(Properties), Properties, "a, b");

    [Fact]
    public void Next_ValueThatIsNoObject_ReportedOnceAndFalseFromThenOn()
    {
        var json = new JsonPass(Encoding.UTF8.GetBytes("[1]"));
        json.Read();
        var fields = Fields();
        ProblemBuffer? problems = null;

        Assert.False(fields.Next(ref json, ref problems));
        Assert.False(fields.Next(ref json, ref problems));

        Assert.False(fields.IsObject);
        var list = new ProblemList();
        problems!.AddTo(list);
        var problem = Assert.Single(list.Report());
        Assert.Equal(("$.x", "is an array; allowed values: a JSON object."), (problem.Path, problem.Message));
    }

    [Fact]
    public void Next_AtTheObjectsEnd_FieldIsNone()
    {
        var json = new JsonPass(Encoding.UTF8.GetBytes("{\"b\":1}"));
        json.Read();
        var fields = Fields();
        ProblemBuffer? problems = null;

        Assert.True(fields.Next(ref json, ref problems));
        Assert.Equal(1, fields.Field);
        Assert.False(fields.Next(ref json, ref problems));

        Assert.Equal(-1, fields.Field);
        Assert.Equal(1 << 1, fields.Seen);
        Assert.Null(problems);
    }

    [Fact]
    public void New_MoreFieldsThanTheWalkerTracks_Refused()
    {
        var names = Enumerable.Range(0, ObjectFields.MaximumFields + 1).Select(i => "f" + i).ToArray();

        var error = Assert.Throws<ArgumentException>(() => _ = new ObjectFields("$", Utf8Names.Of(names), names, "f0"));

        Assert.Equal("names", error.ParamName);
        Assert.StartsWith("An object of the contract has at most 16 fields.", error.Message, StringComparison.Ordinal);
    }
}
