namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// Pins how many problems a report says it left out when an object holds more than
/// <see cref="ProblemList.MaximumReported"/>: every problem past a full slot is counted once (given with its message
/// or only counted), per slot and in total, and a nested object's counted problems join its parent's, so the
/// report's last line names exactly the number not listed. Written from the mutants the Serialization mutation run
/// (part BC) left alive in ProblemBuffer.cs.
/// </summary>
public sealed class ProblemBufferOmittedTests
{
    private const string Valid = "\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true";

    [Fact]
    public void ReadProfile_HundredFiftyWrongCauses_HundredListedAndFiftyCounted()
    {
        var json = "{\"causes\":[" + string.Join(",", Enumerable.Repeat("\"nope\"", 150)) + "]," + Valid + "}";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));

        Assert.Equal(101, error.Problems.Count);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"$.causes[{i}]"), error.Problems.Take(100).Select(p => p.Path));
        Assert.Equal(new ValidationProblem("$", "and 50 more problems, not listed: at most 100 are reported."), error.Problems[^1]);
    }

    [Fact]
    public void ReadProfile_TwoHundredFiftyUnknownProperties_HundredListedAndHundredFiftyCounted()
    {
        var json = "{\"causes\":[\"herniatedDisc\"]," + Valid + "," + string.Join(",", Enumerable.Range(0, 250).Select(i => $"\"p{i}\":1")) + "}";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));

        Assert.Equal(101, error.Problems.Count);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"$.p{i}"), error.Problems.Take(100).Select(p => p.Path));
        Assert.Equal(new ValidationProblem("$", "and 150 more problems, not listed: at most 100 are reported."), error.Problems[^1]);
    }

    [Fact]
    public void ReadProfile_WrongCausesAndUnknownProperties_EverySlotCountedInTheTotal()
    {
        // 120 unknown properties (slot 0) and 130 wrong causes (the causes field's slot): 250 problems, 100 listed.
        var json = "{" + string.Join(",", Enumerable.Range(0, 120).Select(i => $"\"p{i}\":1")) + ",\"causes\":["
            + string.Join(",", Enumerable.Repeat("\"nope\"", 130)) + "]," + Valid + "}";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));

        Assert.Equal(101, error.Problems.Count);
        Assert.Equal(new ValidationProblem("$", "and 150 more problems, not listed: at most 100 are reported."), error.Problems[^1]);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 1)]
    [InlineData(5, 37)]
    [InlineData(31, 250)]
    public void Add_PastAFullSlot_EachCountedOnce(int slot, int extra)
    {
        var buffer = new ProblemBuffer();
        for (var i = 0; i < 100; i++)
        {
            Assert.False(buffer.IsFull(slot));
            buffer.Add(slot, $"$.p{i}", "is wrong.");
        }

        Assert.True(buffer.IsFull(slot));
        for (var i = 100; i < 100 + extra; i++)
        {
            buffer.Add(slot, $"$.p{i}", "is wrong.");
        }

        var list = Listed(buffer);

        Assert.Equal(100 + extra, list.Count);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"$.p{i}"), list.Items.Select(p => p.Path));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(12, 40)]
    public void CountOmitted_OnAFullSlot_EachCountedOnce(int slot, int extra)
    {
        var buffer = new ProblemBuffer();
        for (var i = 0; i < 100; i++)
        {
            buffer.Add(slot, $"$.p{i}", "is wrong.");
        }

        for (var i = 0; i < extra; i++)
        {
            buffer.CountOmitted(slot);
        }

        Assert.Equal(100 + extra, Listed(buffer).Count);
    }

    [Fact]
    public void AddAll_NestedWithCountedProblems_ParentCountsEachOnce()
    {
        // The nested object: 103 given in slot 0 (3 counted), 100 given and 2 only counted in slot 4.
        var nested = new ProblemBuffer();
        for (var i = 0; i < 103; i++)
        {
            nested.Add(0, $"$.a{i}", "is wrong.");
        }

        for (var i = 0; i < 100; i++)
        {
            nested.Add(4, $"$.b{i}", "is wrong.");
        }

        nested.CountOmitted(4);
        nested.CountOmitted(4);
        var parent = new ProblemBuffer();
        parent.Add(2, "$.c", "is wrong.");

        parent.AddAll(2, nested);
        var list = Listed(parent);

        Assert.Equal(206, list.Count);
        Assert.Equal(["$.c", .. Enumerable.Range(0, 99).Select(i => $"$.a{i}")], list.Items.Select(p => p.Path));
        Assert.Equal(new ValidationProblem("$", "and 106 more problems, not listed: at most 100 are reported."), list.Report()[^1]);
    }

    private static ProblemList Listed(ProblemBuffer buffer)
    {
        var list = new ProblemList();
        buffer.AddTo(list);
        return list;
    }
}
