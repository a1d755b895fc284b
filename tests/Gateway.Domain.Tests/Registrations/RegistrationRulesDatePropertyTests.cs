using FsCheck;
using FsCheck.Fluent;
using Gateway.Contracts.CodeLists;
using Gateway.Domain.Registrations;
using static Gateway.Domain.Tests.Registrations.SampleRegistrations;

namespace Gateway.Domain.Tests.Registrations;

/// <summary>
/// Every date rule is total: whatever calendar dates arrive in any date field, and whenever the registration is
/// received, the rules answer with violations or acceptance and never throw. The generated dates favour the edges
/// of the calendar (0001-01-01, 9999-12-31 and their neighbours), where date arithmetic overflows.
/// </summary>
public class RegistrationRulesDatePropertyTests
{
    private static readonly RegistrationRules Rules = SampleRegistrations.RulesOf(new RegistrationPolicy());

    private static readonly Gen<DateOnly> AnyDate = Gen.Frequency(
        (3, Gen.Choose(0, 40).Select(d => DateOnly.MinValue.AddDays(d))),
        (3, Gen.Choose(0, 40).Select(d => DateOnly.MaxValue.AddDays(-d))),
        (2, Gen.Choose(-400, 400).Select(d => InterviewDay.AddDays(d))),
        (2, Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber).Select(DateOnly.FromDayNumber)));

    private static readonly Gen<DateTimeOffset> AnyReceipt = Gen.Frequency(
        (1, Gen.Constant(DateTimeOffset.MinValue)),
        (1, Gen.Constant(DateTimeOffset.MaxValue)),
        (3, AnyDate.Select(d => new DateTimeOffset(d.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero))),
        (3, Gen.Choose(-400, 400).Select(d => SameAfternoon.AddDays(d))));

    [Test]
    public void Check_AnyDateInEveryDateField_AnswersWithoutThrowing()
    {
        var dates = Gen.Zip(Gen.Zip(AnyDate, AnyDate), Gen.Zip(AnyDate, AnyDate));
        Prop.ForAll(Arb.From(Gen.Zip(dates, AnyReceipt)), input =>
        {
            var (((heldOn, deadline), (startDate, plannedOn)), receivedAt) = input;
            var interview = EmploymentServiceInterview() with
            {
                HeldOn = heldOn,
                FurtherCourse = new FurtherCourseItem([new CourseAgreementItem(CourseAgreementKind.Tilbud, "Tilbud.", deadline)], null),
                Offers = [new OfferItem(OfferKind.Virksomhedspraktik, OfferStatus.Planlagt, startDate)],
                NextContact = new NextContactItem(plannedOn, null),
            };
            var outcome = Rules.Check(EmploymentServiceCaller, interview, receivedAt);
            return outcome.Accepted == (outcome.Violations.Count == 0);
        }).QuickCheckThrowOnFailure();
    }

    [Test]
    public void Check_InterviewDateOutsideTheDataBasisOrInTheFuture_IsAlwaysAViolationOfHeldOn()
    {
        Prop.ForAll(Arb.From(Gen.Zip(AnyDate, AnyReceipt)), input =>
        {
            var (heldOn, receivedAt) = input;
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(receivedAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen")).DateTime);
            var outside = heldOn > today || heldOn < new RegistrationPolicy().EarliestInterviewDate;
            var outcome = Rules.Check(MunicipalityCaller, MunicipalityInterview() with { HeldOn = heldOn }, receivedAt);
            return !outside || outcome.Violations.Any(v => v.Field == "Registration/Interview/HeldOn");
        }).QuickCheckThrowOnFailure();
    }

    [TestCase("0001-01-01")]
    [TestCase("0001-01-02")]
    [TestCase("9999-12-30")]
    [TestCase("9999-12-31")]
    public void Check_EdgeDateInEachField_IsARuleViolationOrAcceptedNeverAnException(string date)
    {
        var day = DateOnly.Parse(date);
        var interviews = new[]
        {
            MunicipalityInterview() with { HeldOn = day },
            MunicipalityInterview() with { FurtherCourse = new FurtherCourseItem([new CourseAgreementItem(CourseAgreementKind.Andet, "x", day)], null) },
            MunicipalityInterview() with { Offers = [new OfferItem(OfferKind.Andet, OfferStatus.Planlagt, day)] },
            MunicipalityInterview() with { NextContact = new NextContactItem(day, null) },
            MunicipalityInterview() with
            {
                HeldOn = day,
                FurtherCourse = new FurtherCourseItem([new CourseAgreementItem(CourseAgreementKind.Andet, "x", day)], null),
                Offers = [new OfferItem(OfferKind.Andet, OfferStatus.Planlagt, day)],
                NextContact = new NextContactItem(day, null),
            },
        };

        foreach (var interview in interviews)
        {
            Assert.DoesNotThrow(() => Rules.Check(MunicipalityCaller, interview, SameAfternoon));
            Assert.DoesNotThrow(() => Rules.Check(MunicipalityCaller, interview, new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)));
        }
    }
}
