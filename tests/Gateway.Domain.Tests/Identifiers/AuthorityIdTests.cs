using Gateway.Contracts.CodeLists;
using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Tests.Identifiers;

public class AuthorityIdTests
{
    [TestCase(AuthorityKind.Municipality, "101", true, TestName = "Check_Municipality101_Valid")]
    [TestCase(AuthorityKind.Municipality, "851", true, TestName = "Check_Municipality851_Valid")]
    [TestCase(AuthorityKind.Municipality, "000", false, TestName = "Check_Municipality000_Invalid")]
    [TestCase(AuthorityKind.Municipality, "10", false, TestName = "Check_MunicipalityTwoDigits_Invalid")]
    [TestCase(AuthorityKind.Municipality, "1010", false, TestName = "Check_MunicipalityFourDigits_Invalid")]
    [TestCase(AuthorityKind.Municipality, "10a", false, TestName = "Check_MunicipalityLetter_Invalid")]
    [TestCase(AuthorityKind.Municipality, "", false, TestName = "Check_MunicipalityEmpty_Invalid")]
    [TestCase(AuthorityKind.Municipality, null, false, TestName = "Check_MunicipalityNull_Invalid")]
    [TestCase(AuthorityKind.EmploymentServiceUnit, "123", true, TestName = "Check_UnitThreeDigits_Valid")]
    [TestCase(AuthorityKind.EmploymentServiceUnit, "1234", true, TestName = "Check_UnitFourDigits_Valid")]
    [TestCase(AuthorityKind.EmploymentServiceUnit, "123456", true, TestName = "Check_UnitSixDigits_Valid")]
    [TestCase(AuthorityKind.EmploymentServiceUnit, "12", false, TestName = "Check_UnitTwoDigits_Invalid")]
    [TestCase(AuthorityKind.EmploymentServiceUnit, "1234567", false, TestName = "Check_UnitSevenDigits_Invalid")]
    [TestCase(AuthorityKind.EmploymentServiceUnit, "12a4", false, TestName = "Check_UnitLetter_Invalid")]
    [TestCase(AuthorityKind.EmploymentServiceUnit, null, false, TestName = "Check_UnitNull_Invalid")]
    [TestCase(AuthorityKind.OtherActor, "24256790", true, TestName = "Check_OtherActorValidCvr_Valid")]
    [TestCase(AuthorityKind.OtherActor, "24256791", false, TestName = "Check_OtherActorCvrFailsModulus11_Invalid")]
    [TestCase(AuthorityKind.OtherActor, "101", false, TestName = "Check_OtherActorMunicipalityCode_Invalid")]
    [TestCase(AuthorityKind.OtherActor, null, false, TestName = "Check_OtherActorNull_Invalid")]
    public void Check_CodePerKind_ValidOnlyInItsKindsForm(AuthorityKind kind, string? code, bool expected)
    {
        var (valid, rule) = AuthorityId.Check(kind, code);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(valid, Is.EqualTo(expected));
            Assert.That(rule, Is.Not.Empty, "The rule text tells the caller what the code must look like.");
        }
    }

    [Test]
    public void Check_UnknownKind_Invalid() =>
        Assert.That(AuthorityId.Check((AuthorityKind)99, "101").Valid, Is.False);

    [Test]
    public void ToString_Authority_IsKindAndCode() =>
        Assert.That(new AuthorityId(AuthorityKind.Municipality, "101").ToString(), Is.EqualTo("Municipality:101"));
}
