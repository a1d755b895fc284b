using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Tests.Identifiers;

public class CvrTests
{
    // Weighted sums with weights 2,7,6,5,4,3,2,1:
    //   24256790: 2·2+4·7+2·6+5·5+6·4+7·3+9·2+0·1 = 4+28+12+25+24+21+18+0 = 132 = 12·11 (Novo Nordisk A/S)
    //   12345674: 2+14+18+20+20+18+14+4 = 110 = 10·11
    //   11111114: 2+7+6+5+4+3+2+4 = 33 = 3·11
    //   10000009: 2+9 = 11
    //   20000007: 4+7 = 11
    [TestCase("24256790", TestName = "IsValid_Cvr24256790SumIs132_True")]
    [TestCase("12345674", TestName = "IsValid_Cvr12345674SumIs110_True")]
    [TestCase("11111114", TestName = "IsValid_Cvr11111114SumIs33_True")]
    [TestCase("10000009", TestName = "IsValid_Cvr10000009SumIs11_True")]
    [TestCase("20000007", TestName = "IsValid_Cvr20000007SumIs11_True")]
    public void IsValid_WeightedSumDivisibleBy11_True(string cvr) =>
        Assert.That(Cvr.IsValid(cvr), Is.True);

    // Each is a valid number above with one digit changed, so the weighted sum is off by 1-9 (never a multiple of 11),
    // or two digits swapped (24256709: 132 - 9·2 + 9·1 = 123).
    [TestCase("24256791", TestName = "IsValid_LastDigitChangedSumIs133_False")]
    [TestCase("12345675", TestName = "IsValid_LastDigitChangedSumIs111_False")]
    [TestCase("22256790", TestName = "IsValid_SecondDigitChangedSumIs118_False")]
    [TestCase("24256709", TestName = "IsValid_DigitsSwappedSumIs123_False")]
    public void IsValid_WeightedSumNotDivisibleBy11_False(string cvr) =>
        Assert.That(Cvr.IsValid(cvr), Is.False);

    [TestCase("2425679", TestName = "IsValid_SevenDigits_False")]
    [TestCase("242567900", TestName = "IsValid_NineDigits_False")]
    [TestCase("2425679O", TestName = "IsValid_Letter_False")]
    [TestCase("2425 790", TestName = "IsValid_Space_False")]
    [TestCase("DK24256790", TestName = "IsValid_CountryPrefix_False")]
    [TestCase("", TestName = "IsValid_Empty_False")]
    [TestCase(null, TestName = "IsValid_Null_False")]
    public void IsValid_NotEightDigits_False(string? value) =>
        Assert.That(Cvr.IsValid(value), Is.False);
}
