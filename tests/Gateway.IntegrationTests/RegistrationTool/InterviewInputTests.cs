using Gateway.Contracts.CodeLists;
using Gateway.Domain.Faults;
using Gateway.RegistrationTool.Forms;

namespace Gateway.IntegrationTests.RegistrationTool;

/// <summary>The registration form read into the domain's interview, and the domain's violation paths mapped back to the form's fields.</summary>
public sealed class InterviewInputTests
{
    private static InterviewInput Filled() => new InterviewInput
    {
        Cpr = "010190-1234",
        CaseType = "Kontanthjaelp",
        HeldOn = "2026-11-30",
        Type = "Kontaktsamtale",
        Form = "Telefon",
        MatchCategory = "DelvisMatch",
        Goals = [new GoalRow(), new GoalRow { OccupationCode = "5220", Text = "" }],
        Agreements = [new AgreementRow(), new AgreementRow(), new AgreementRow { Kind = "Tilbud", Text = "a\r\nb", Deadline = "2026-12-24" }],
        CvStatus = "Mangler",
        NextContactPlannedOn = "2026-12-21",
    }.WithRows();

    [Test]
    public void Read_FilledForm_IsTheInterviewWithBlankRowsLeftOut()
    {
        var reading = Filled().Read();
        var interview = reading.Interview!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reading.Problems, Is.Empty);
            Assert.That(interview.Cpr, Is.EqualTo("0101901234"));
            Assert.That(interview.EmploymentGoals.Select(g => (g.OccupationCode, g.Text)), Is.EqualTo(new[] { ("5220", (string?)null) }), "an empty optional text is no text");
            Assert.That(interview.FurtherCourse.Agreements.Single().Text, Is.EqualTo("a\nb"), "CR LF stored as LF, as an XML parser hands it over");
            Assert.That(interview.Offers, Is.Null);
            Assert.That(interview.RoughMatch, Is.Null);
            Assert.That(interview.NextContact.PlannedOn, Is.EqualTo(new DateOnly(2026, 12, 21)));
        }
    }

    [Test]
    public void FieldOf_ViolationOfTheFirstStoredRow_NamesTheFormRowItCameFrom()
    {
        var reading = Filled().Read();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reading.FieldOf(new FieldViolation("Registration/EmploymentGoals/Goal[1]/OccupationCode", "OccupationCode.Invalid", "")), Is.EqualTo("Goals_1__OccupationCode"));
            Assert.That(reading.FieldOf(new FieldViolation("Registration/FurtherCourse/Agreement[1]/Deadline", "Date.BeforeInterview", "")), Is.EqualTo("Agreements_2__Deadline"));
            Assert.That(reading.FieldOf(new FieldViolation("Registration/NextContact", "NextContact.ExactlyOne", "")), Is.EqualTo("NextContactPlannedOn"));
            Assert.That(reading.FieldOf(new FieldViolation("Registration/Cpr", "Cpr.Invalid", "")), Is.EqualTo("Cpr"));
        }
    }

    [TestCase("HeldOn", "30-11-2026", "HeldOn", "Form.Date")]
    [TestCase("CaseType", "3", "CaseType", "Form.Choice")]
    [TestCase("CaseType", "Kontanthjaelp,Starthjaelp", "CaseType", "Form.Choice")]
    [TestCase("MatchCategory", "", "MatchCategory", "Form.Choice")]
    public void Read_UnreadableField_IsAProblemOfThatFieldAndNoInterview(string property, string value, string field, string code)
    {
        var input = Filled();
        typeof(InterviewInput).GetProperty(property)!.SetValue(input, value);

        var reading = input.Read();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reading.Interview, Is.Null);
            Assert.That(reading.Problems.Select(p => (p.Field, p.Code)), Is.EqualTo(new[] { (field, code) }));
        }
    }

    [Test]
    public void Of_StoredInterview_ReadsBackToTheSameInterview()
    {
        var interview = Filled().Read().Interview! with { RoughMatch = new Domain.Registrations.RoughMatchItem(RoughMatchOutcome.Match, ["5220", "9132"]) };

        var again = InterviewInput.Of(interview).Read().Interview!;

        Assert.That(System.Text.Json.JsonSerializer.Serialize(again), Is.EqualTo(System.Text.Json.JsonSerializer.Serialize(interview)));
    }
}
