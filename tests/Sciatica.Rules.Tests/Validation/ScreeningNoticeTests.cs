namespace Sciatica.Rules.Tests.Validation;

/// <summary>The one-line screening summary reads as a sentence: the verb agrees with what was recorded.</summary>
public sealed class ScreeningNoticeTests
{
    [Theory]
    [InlineData(RedFlag.BladderDysfunction, "EMERGENCY: go to emergency care now: bladder dysfunction was recorded.")]
    [InlineData(RedFlag.CordCompressionSigns, "EMERGENCY: go to emergency care now: cord compression signs were recorded.")]
    [InlineData(RedFlag.BilateralLegSymptoms, "EMERGENCY: go to emergency care now: bilateral leg symptoms were recorded.")]
    public void Summary_VerbAgreesWithTheFlag(RedFlag flag, string expected)
    {
        var notice = RedFlagScreening.Of([flag])!;

        Assert.Equal(expected, notice.Summary());
    }

    [Fact]
    public void Summary_OfTwoFlags_UsesThePlural()
    {
        var notice = RedFlagScreening.Of([RedFlag.BladderDysfunction, RedFlag.SaddleAnesthesia])!;

        Assert.EndsWith("bladder dysfunction and saddle anesthesia were recorded.", notice.Summary(), StringComparison.Ordinal);
    }
}
