using Gateway.Contracts.CodeLists;
using Gateway.Domain.Registrations;
using static Gateway.Domain.Tests.Registrations.SampleRegistrations;

namespace Gateway.Domain.Tests.Registrations;

/// <summary>RegistrationRules.Check: free text is plain text within its maximum length (domain.md § 4).</summary>
public class RegistrationRulesTextTests
{
    private static readonly RegistrationRules Rules = SampleRegistrations.RulesOf(new RegistrationPolicy());

    /// <summary>The free-text fields: the field path a violation names, and its maximum length.</summary>
    public enum TextField
    {
        GoalText,
        AgreementText,
        NoAgreementReason,
        JobSearchText,
        CitizenComments,
    }

    [TestCase(TextField.GoalText, 200)]
    [TestCase(TextField.AgreementText, 1000)]
    [TestCase(TextField.NoAgreementReason, 500)]
    [TestCase(TextField.JobSearchText, 1000)]
    [TestCase(TextField.CitizenComments, 4000)]
    public void Check_TextAtMaximumLength_Accepted(TextField field, int max)
    {
        var outcome = Rules.Check(EmploymentServiceCaller, With(field, new string('x', max)), SameAfternoon);

        Assert.That(outcome.Violations(), Is.Empty);
    }

    [TestCase(TextField.GoalText, 200)]
    [TestCase(TextField.AgreementText, 1000)]
    [TestCase(TextField.NoAgreementReason, 500)]
    [TestCase(TextField.JobSearchText, 1000)]
    [TestCase(TextField.CitizenComments, 4000)]
    public void Check_TextOverMaximumLength_TextTooLong(TextField field, int max)
    {
        var outcome = Rules.Check(EmploymentServiceCaller, With(field, new string('x', max + 1)), SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { (PathOf(field), "Text.TooLong") }));
    }

    [TestCase(TextField.GoalText)]
    [TestCase(TextField.AgreementText)]
    [TestCase(TextField.NoAgreementReason)]
    [TestCase(TextField.JobSearchText)]
    [TestCase(TextField.CitizenComments)]
    public void Check_TextWithTab_TextControlCharacter(TextField field)
    {
        var outcome = Rules.Check(EmploymentServiceCaller, With(field, "Kolonne 1\tKolonne 2"), SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { (PathOf(field), "Text.ControlCharacter") }));
    }

    [TestCase(TextField.GoalText)]
    [TestCase(TextField.AgreementText)]
    [TestCase(TextField.NoAgreementReason)]
    [TestCase(TextField.JobSearchText)]
    [TestCase(TextField.CitizenComments)]
    public void Check_TextWithLineBreaks_Accepted(TextField field)
    {
        var outcome = Rules.Check(EmploymentServiceCaller, With(field, "Linje 1\r\nLinje 2\nLinje 3\rLinje 4"), SameAfternoon);

        Assert.That(outcome.Violations(), Is.Empty);
    }

    [Test]
    public void Check_CommentsWithLoneSurrogate_TextControlCharacter()
    {
        // Made at run time: an attribute's string argument cannot hold a lone surrogate (metadata stores it as UTF-8).
        var interview = MunicipalityInterview() with { CitizenComments = "Før" + (char)0xD800 + "efter" };

        Assert.That(Rules.Check(MunicipalityCaller, interview, SameAfternoon).Violations(), Is.EqualTo(new[] { ("Registration/CitizenComments", "Text.ControlCharacter") }));
    }

    [Test]
    public void Check_CommentsWithCharacterOutsideTheBasicPlane_Accepted()
    {
        // A surrogate pair is one character XML carries (U+1F600); only a lone surrogate is refused.
        var interview = MunicipalityInterview() with { CitizenComments = "Glad \U0001F600 og 𝔸" };

        Assert.That(Rules.Check(MunicipalityCaller, interview, SameAfternoon).Violations(), Is.Empty);
    }

    [TestCase("\u0000", TestName = "Check_CommentsWithNul_TextControlCharacter")]
    [TestCase("\u0007", TestName = "Check_CommentsWithBell_TextControlCharacter")]
    [TestCase("\u000B", TestName = "Check_CommentsWithVerticalTab_TextControlCharacter")]
    [TestCase("\u000C", TestName = "Check_CommentsWithFormFeed_TextControlCharacter")]
    [TestCase("\u001B", TestName = "Check_CommentsWithEscape_TextControlCharacter")]
    [TestCase("\u007F", TestName = "Check_CommentsWithDelete_TextControlCharacter")]
    [TestCase("\u0085", TestName = "Check_CommentsWithNextLine_TextControlCharacter")]
    [TestCase("\uFFFF", TestName = "Check_CommentsWithNonCharacterXmlCannotCarry_TextControlCharacter")]
    [TestCase("\uFFFE", TestName = "Check_CommentsWithReversedByteOrderMark_TextControlCharacter")]
    public void Check_CommentsWithOtherControlCharacter_TextControlCharacter(string control)
    {
        var interview = MunicipalityInterview() with { CitizenComments = $"Før{control}efter" };

        var outcome = Rules.Check(MunicipalityCaller, interview, SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Registration/CitizenComments", "Text.ControlCharacter") }));
    }

    [Test]
    public void Check_DanishLettersAndMarkupCharacters_StoredAsGiven()
    {
        var interview = MunicipalityInterview() with { CitizenComments = "Æble, øl og å — <b>ikke</b> HTML & \"citater\"" };

        Assert.That(Rules.Check(MunicipalityCaller, interview, SameAfternoon).Violations(), Is.Empty);
    }

    [TestCase("", TestName = "Check_AgreementTextEmpty_TextEmpty")]
    [TestCase("  \r\n", TestName = "Check_AgreementTextBlank_TextEmpty")]
    public void Check_AgreementTextEmpty_TextEmpty(string text)
    {
        var interview = MunicipalityInterview() with
        {
            FurtherCourse = new FurtherCourseItem([new CourseAgreementItem(CourseAgreementKind.Tilbud, text, null)], null),
        };

        var outcome = Rules.Check(MunicipalityCaller, interview, SameAfternoon);

        Assert.That(outcome.Violations(), Is.EqualTo(new[] { ("Registration/FurtherCourse/Agreement[1]/Text", "Text.Empty") }));
    }

    [Test]
    public void Check_TextMaximums_AreTheDocumentedOnes()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(RegistrationRules.GoalTextMax, Is.EqualTo(200));
            Assert.That(RegistrationRules.AgreementTextMax, Is.EqualTo(1000));
            Assert.That(RegistrationRules.NoAgreementReasonMax, Is.EqualTo(500));
            Assert.That(RegistrationRules.JobSearchTextMax, Is.EqualTo(1000));
            // domain.md § 4 item 12: free text, ≤ 4000 characters.
            Assert.That(RegistrationRules.CitizenCommentsMax, Is.EqualTo(4000));
        }
    }

    // An Employment Service interview holds every text field but the reason, which replaces the agreements.
    private static Interview With(TextField field, string text)
    {
        var interview = EmploymentServiceInterview();
        return field switch
        {
            TextField.GoalText => interview with { EmploymentGoals = [new EmploymentGoalItem(OccupationCode, text)] },
            TextField.AgreementText => interview with
            {
                FurtherCourse = new FurtherCourseItem([new CourseAgreementItem(CourseAgreementKind.Jobsoegning, text, null)], null),
            },
            TextField.NoAgreementReason => interview with { FurtherCourse = new FurtherCourseItem([], text) },
            TextField.JobSearchText => interview with { JobSearchBehaviour = new JobSearchItem(JobSearchAssessment.Delvis, text) },
            TextField.CitizenComments => interview with { CitizenComments = text },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };
    }

    private static string PathOf(TextField field) => field switch
    {
        TextField.GoalText => "Registration/EmploymentGoals/Goal[1]/Text",
        TextField.AgreementText => "Registration/FurtherCourse/Agreement[1]/Text",
        TextField.NoAgreementReason => "Registration/FurtherCourse/NoAgreementReason",
        TextField.JobSearchText => "Registration/JobSearchBehaviour/Text",
        TextField.CitizenComments => "Registration/CitizenComments",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
