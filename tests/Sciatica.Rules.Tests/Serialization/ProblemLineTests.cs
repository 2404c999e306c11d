using System.Text;

namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// The line a catalog problem is reported at (<see cref="JsonLineMap"/>): the line of its path's property or item, or of
/// its nearest parent that the document has; a name that only starts like the path's, or an index that only starts
/// like its index, is not taken for it.
/// </summary>
public sealed class ProblemLineTests
{
    private const string Document =
        "{\n" +                                  // 1
        "  \"leg\": 1,\n" +                        // 2
        "  \"legPain\": 2,\n" +                    // 3
        "  \"items\": [\n" +                       // 4
        "    {\"a\": 1},\n" +                      // 5
        "    {\"ab\": 1,\n" +                      // 6
        "     \"a\": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9,\n" + // 7
        "       10,\n" +                           // 8
        "       11]}\n" +                          // 9
        "  ],\n" +                                 // 10
        "  \"x\":\n" +                             // 11
        "    {\"\": 1,\n" +                        // 12
        "     \"y\": {}},\n" +                     // 13
        "  \"twice\": 1,\n" +                      // 14
        "  \"twice\": 2\n" +                       // 15
        "}";                                       // 16

    [Theory]
    [InlineData("$", 1)]
    [InlineData("$.leg", 2)]
    [InlineData("$.legPain", 3)]
    [InlineData("$.items", 4)]
    [InlineData("$.items[0]", 5)]
    [InlineData("$.items[0].a", 5)]
    [InlineData("$.items[1].a", 7)]
    [InlineData("$.items[1].ab", 6)]
    [InlineData("$.items[1].a[1]", 7)]
    [InlineData("$.items[1].a[10]", 8)]
    [InlineData("$.items[1].a[11]", 9)]
    [InlineData("$.items[1].a[12]", 7)]
    [InlineData("$.items[2].a", 4)]
    [InlineData("$.x", 11)]
    [InlineData("$.x.y", 13)]
    [InlineData("$.x.z", 11)]
    [InlineData("$.x.y.z", 13)]
    [InlineData("$.twice", 14)]
    [InlineData("$.legPainful", 1)]
    [InlineData("$.le", 1)]
    public void WithLines_EachPath_ItsOwnLineOrItsNearestParents(string path, long line)
    {
        var problems = JsonLineMap.WithLines([new ValidationProblem(path, "is wrong.")], Encoding.UTF8.GetBytes(Document));

        Assert.Equal(line, Assert.Single(problems).LineNumber);
    }

    [Fact]
    public void WithLines_ManyProblems_EachGetsItsLineInTheirOrder()
    {
        ValidationProblem[] problems =
        [
            new("$.items[1].a[11]", "first."),
            new("$.legPain", "second."),
            new("$.x.y", "third."),
            new("$.legPain", "fourth, same path."),
        ];

        var lined = JsonLineMap.WithLines(problems, Encoding.UTF8.GetBytes(Document));

        Assert.Equal([9L, 3L, 13L, 3L], lined.Select(p => p.LineNumber!.Value));
        Assert.Equal(problems.Select(p => p.Message), lined.Select(p => p.Message));
    }

    [Fact]
    public void WithLines_LineAlreadyKnownOrNotAJsonPath_LeftAsItIs()
    {
        ValidationProblem[] problems = [new("$.legPain", "has its line.", 42), new("catalog", "is not a path.")];

        var lined = JsonLineMap.WithLines(problems, Encoding.UTF8.GetBytes(Document));

        Assert.Equal(problems, lined);
    }

    [Fact]
    public void WithLines_BrokenDocument_LinesFoundBeforeTheBreakKept()
    {
        var broken = Document[..Document.IndexOf("\"x\"", StringComparison.Ordinal)] + "\"x\": [,";

        var lined = JsonLineMap.WithLines([new("$.legPain", "a."), new("$.x.y", "b.")], Encoding.UTF8.GetBytes(broken));

        Assert.Equal(3, lined[0].LineNumber);
        Assert.Equal(11, lined[1].LineNumber);
    }
}
