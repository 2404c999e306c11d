namespace Sciatica.Rules.Tests.Serialization;

/// <summary>
/// Every problem the profile reader reports for one broken field, path and message word for word, one problem each;
/// the problems of several fields in the contract's order; and a valid profile read whatever order its fields come in.
/// </summary>
public sealed class ProfileProblemTests
{
    public static TheoryData<string, string, string> OneBrokenField => new()
    {
        { "{\"causes\":[],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true}", "$.causes", "must list at least one cause (use \"unknown\" when the cause is not diagnosed); allowed values: bulgingDisc, herniatedDisc, rupturedDisc, spinalStenosis, osteoarthritis, inflammatoryArthritis, spondylolisthesis, osteoporosis, spinalVascularAbnormality, tumor and 6 more (all in docs/contract.md)." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":null,\"medicalClearance\":true,\"symptomsTolerateExercise\":true}", "$.redFlags", "is null: the red-flag screening questions were not answered: ask each one and send [] when none is present; allowed values: an array of bladderDysfunction, bowelDysfunction, saddleAnesthesia, bilateralLegSymptoms and 13 more (all in docs/contract.md), or [] when none is present." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"medicalClearance\":true,\"symptomsTolerateExercise\":true}", "$.redFlags", "is required: the red-flag screening questions were not answered: ask each one and send [] when none is present; allowed values: an array of bladderDysfunction, bowelDysfunction, saddleAnesthesia, bilateralLegSymptoms and 13 more (all in docs/contract.md), or [] when none is present." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":null}", "$.symptomsTolerateExercise", "is null: ask whether symptoms are controlled enough (for example with medication) to tolerate exercise; allowed values: true or false." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true}", "$.symptomsTolerateExercise", "is required: ask whether symptoms are controlled enough (for example with medication) to tolerate exercise; allowed values: true or false." },
        { "{\"causes\":[\"herniatedDisc\"],\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true}", "$.legPain", "is required; allowed values: an integer 0..10." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true}", "$.backPain", "is required; allowed values: an integer 0..10." },
        { "{\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true}", "$.causes", "is required; allowed values: an array of " + EnumWords<Cause>.Allowed + "." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"symptomsTolerateExercise\":true}", "$.medicalClearance", "is required; allowed values: true or false." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true,\"age\":15}", "$.age", "is the number 15; allowed values: an integer 16..120 or null." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true,\"age\":121}", "$.age", "is the number 121; allowed values: an integer 16..120 or null." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true,\"weeksSinceSpineSurgery\":-1}", "$.weeksSinceSpineSurgery", "is the number -1; allowed values: an integer >= 0 or null." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true,\"symptomWeeks\":521}", "$.symptomWeeks", "is the number 521; allowed values: an integer 0..520 or null." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true,\"pregnancyWeeks\":43}", "$.pregnancyWeeks", "is the number 43; allowed values: an integer 0..42 or null." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true,\"affectedSide\":\"up\"}", "$.affectedSide", "is the text \"up\", which is not an affected side; allowed values: left, right, both." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true,\"directionalPreference\":\"sideways\"}", "$.directionalPreference", "is the text \"sideways\", which is not a directional preference; allowed values: extension, flexion." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true,\"clinicianOverrides\":[{\"exerciseId\":\"e\",\"ruleId\":\"r\",\"reason\":\"x\"},{\"exerciseId\":\"e\",\"ruleId\":\"r\",\"reason\":\"y\"}]}", "$.clinicianOverrides[1]", "is a second override of 'r' for 'e'; allowed: one override per exercise and rule." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true,\"clinicianOverrides\":[{\"exerciseId\":\"e\",\"ruleId\":\"r\"}]}", "$.clinicianOverrides[0].reason", "is required; allowed values: a non-empty text." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true,\"clinicianOverrides\":[{\"ruleId\":\"r\",\"reason\":\"x\"}]}", "$.clinicianOverrides[0].exerciseId", "is required; allowed values: a non-empty text." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true,\"clinicianOverrides\":[{\"exerciseId\":\"e\",\"ruleId\":\"r\",\"reason\":\" \"}]}", "$.clinicianOverrides[0].reason", "is the text \" \"; allowed values: a non-empty text." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":\"yes\",\"symptomsTolerateExercise\":true}", "$.medicalClearance", "is the text \"yes\"; allowed values: true or false." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true,\"landWalkingPainful\":null}", "$.landWalkingPainful", "is null; allowed values: true or false." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true,\"poolAccess\":1}", "$.poolAccess", "is the number 1; allowed values: true or false." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true,\"affectedRoots\":[\"L6\"]}", "$.affectedRoots[0]", "is the text \"L6\", which is not a nerve root (did you mean \"l4\"?); allowed values: l4, l5, s1." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5.5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true}", "$.legPain", "is the number 5.5; allowed values: an integer 0..10." },
        { "{\"causes\":[\"herniatedDisc\"],\"legPain\":5,\"backPain\":-1,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true}", "$.backPain", "is the number -1; allowed values: an integer 0..10." },
    };

    [Theory]
    [MemberData(nameof(OneBrokenField))]
    public void ReadProfile_OneBrokenField_OneProblemWordForWord(string json, string path, string message)
    {
        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Equal(message, problem.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void UnaskedRedFlags_LongQuestion_WithinTheBoundAndNeverCut(bool isNull)
    {
        var question = new string('q', 150);

        var message = ProfileReader.Unasked(isNull, flagList: true, question);

        Assert.True(message.Length <= ProblemList.MaximumMessageLength, message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith(" more (all in docs/contract.md), or [] when none is present.", message, StringComparison.Ordinal);
        Assert.Equal(message, ProblemList.Bounded(message));
    }

    [Theory]
    [InlineData("HerniatedDisc", " (values are case-sensitive: did you mean \"herniatedDisc\"?)")]
    [InlineData("herniatedDsc", " (did you mean \"herniatedDisc\"?)")]
    [InlineData("sciatica", "")]
    public void ReadProfile_CauseNearlyRight_NamesTheNearestCause(string given, string hint)
    {
        var json = "{\"causes\":[\"" + given + "\"],\"legPain\":5,\"backPain\":2,\"redFlags\":[],\"medicalClearance\":true,\"symptomsTolerateExercise\":true}";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.causes[0]", problem.Path);
        Assert.StartsWith("is the text \"" + given + "\", which is not a cause" + hint + "; allowed values: bulgingDisc, ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadProfile_SeveralBrokenFields_UnknownFirstThenTheContractOrder()
    {
        const string json = """{"symptomsTolerateExercise":null,"age":3,"zz":1,"legPain":11,"causes":[],"medicalClearance":true}""";

        var error = Assert.Throws<SciaticaValidationException>(() => SciaticaJson.ReadProfile(json));

        Assert.Equal(["$.zz", "$.causes", "$.legPain", "$.backPain", "$.redFlags", "$.symptomsTolerateExercise", "$.age"], error.Problems.Select(p => p.Path));
    }

    [Fact]
    public void ReadProfile_FieldsInReverseOrder_SameProfile()
    {
        const string inOrder = """{"causes":["herniatedDisc","spinalStenosis"],"affectedRoots":["l5"],"affectedSide":"left","legPain":5,"backPain":2,"redFlags":[],"medicalClearance":true,"symptomsTolerateExercise":true,"landWalkingPainful":true,"poolAccess":true,"age":40,"weeksSinceSpineSurgery":30,"symptomWeeks":7,"pregnancyWeeks":12,"directionalPreference":"extension","clinicianOverrides":[{"exerciseId":"e","ruleId":"r","reason":"x"}]}""";
        const string reversed = """{"clinicianOverrides":[{"reason":"x","ruleId":"r","exerciseId":"e"}],"directionalPreference":"extension","pregnancyWeeks":12,"symptomWeeks":7,"weeksSinceSpineSurgery":30,"age":40,"poolAccess":true,"landWalkingPainful":true,"symptomsTolerateExercise":true,"medicalClearance":true,"redFlags":[],"backPain":2,"legPain":5,"affectedSide":"left","affectedRoots":["l5"],"causes":["spinalStenosis","herniatedDisc"]}""";

        var profile = SciaticaJson.ReadProfile(inOrder);

        Assert.Equal(profile, SciaticaJson.ReadProfile(reversed));
        Assert.Equal(inOrder, SciaticaJson.WriteProfile(profile).Replace("\n", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void ReadProfile_NullSideAndPreference_ReadAsNotGiven()
    {
        var profile = SciaticaJson.ReadProfile("""{"causes":["herniatedDisc"],"affectedSide":null,"legPain":5,"backPain":2,"redFlags":[],"medicalClearance":false,"symptomsTolerateExercise":false,"directionalPreference":null,"clinicianOverrides":[]}""");

        Assert.Null(profile.AffectedSide);
        Assert.Null(profile.DirectionalPreference);
        Assert.Empty(profile.ClinicianOverrides);
        Assert.False(profile.MedicalClearance);
        Assert.False(profile.SymptomsTolerateExercise);
    }
}
