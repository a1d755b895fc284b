using Gateway.Domain.Identifiers;

namespace Gateway.Domain.Tests.Identifiers;

public class CprTests
{
    // The 7th digit with the two-digit year decides the century (domain.md § 2, the CPR office's rule).
    [TestCase("1505800123", "1980-05-15", TestName = "BirthDate_SeventhDigit0_Born1900s")]
    [TestCase("1505801123", "1980-05-15", TestName = "BirthDate_SeventhDigit1_Born1900s")]
    [TestCase("0101002123", "1900-01-01", TestName = "BirthDate_SeventhDigit2Year00_Born1900")]
    [TestCase("3112993123", "1999-12-31", TestName = "BirthDate_SeventhDigit3Year99_Born1999")]
    [TestCase("0101004123", "2000-01-01", TestName = "BirthDate_SeventhDigit4Year00_Born2000")]
    [TestCase("0101364123", "2036-01-01", TestName = "BirthDate_SeventhDigit4Year36_Born2036")]
    [TestCase("0101374123", "1937-01-01", TestName = "BirthDate_SeventhDigit4Year37_Born1937")]
    [TestCase("0101369123", "2036-01-01", TestName = "BirthDate_SeventhDigit9Year36_Born2036")]
    [TestCase("0101379123", "1937-01-01", TestName = "BirthDate_SeventhDigit9Year37_Born1937")]
    [TestCase("0101005123", "2000-01-01", TestName = "BirthDate_SeventhDigit5Year00_Born2000")]
    [TestCase("0101575123", "2057-01-01", TestName = "BirthDate_SeventhDigit5Year57_Born2057")]
    [TestCase("0101585123", "1858-01-01", TestName = "BirthDate_SeventhDigit5Year58_Born1858")]
    [TestCase("0101576123", "2057-01-01", TestName = "BirthDate_SeventhDigit6Year57_Born2057")]
    [TestCase("0101587123", "1858-01-01", TestName = "BirthDate_SeventhDigit7Year58_Born1858")]
    [TestCase("0101578123", "2057-01-01", TestName = "BirthDate_SeventhDigit8Year57_Born2057")]
    [TestCase("3112998123", "1899-12-31", TestName = "BirthDate_SeventhDigit8Year99_Born1899")]
    public void BirthDate_SeventhDigitAndYear_DecideCentury(string cpr, string expected)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Cpr.BirthDate(cpr), Is.EqualTo(DateOnly.Parse(expected)));
            Assert.That(Cpr.IsValid(cpr), Is.True);
        }
    }

    // 29 February exists only in leap years, and the century decides whether "00" is one: 1900 is not, 2000 is.
    [TestCase("2902961234", true, TestName = "IsValid_BirthDate29February1996LeapYear_True")]
    [TestCase("2902971234", false, TestName = "IsValid_BirthDate29February1997_False")]
    [TestCase("2902001234", false, TestName = "IsValid_BirthDate29February1900NotLeap_False")]
    [TestCase("2902004234", true, TestName = "IsValid_BirthDate29February2000Leap_True")]
    [TestCase("2902565234", true, TestName = "IsValid_BirthDate29February2056Leap_True")]
    [TestCase("2902585234", false, TestName = "IsValid_BirthDate29February1858_False")]
    [TestCase("2802971234", true, TestName = "IsValid_BirthDate28February1997_True")]
    [TestCase("3104901234", false, TestName = "IsValid_BirthDate31April_False")]
    [TestCase("3001901234", true, TestName = "IsValid_BirthDate30January_True")]
    [TestCase("3201901234", false, TestName = "IsValid_Day32_False")]
    [TestCase("0001901234", false, TestName = "IsValid_Day00_False")]
    [TestCase("0100901234", false, TestName = "IsValid_Month00_False")]
    [TestCase("0113901234", false, TestName = "IsValid_Month13_False")]
    [TestCase("3112901234", true, TestName = "IsValid_BirthDate31December_True")]
    public void IsValid_BirthDatePart_MustBeARealDate(string cpr, bool expected) =>
        Assert.That(Cpr.IsValid(cpr), Is.EqualTo(expected));

    [TestCase("01019O1234", TestName = "IsValid_LetterOInsteadOfZero_False")]
    [TestCase("010190-123", TestName = "IsValid_HyphenInTenCharacters_False")]
    [TestCase("010190 123", TestName = "IsValid_Space_False")]
    [TestCase("+101901234", TestName = "IsValid_Sign_False")]
    [TestCase("٠١٠١٩٠١٢٣٤", TestName = "IsValid_NonAsciiDigits_False")]
    [TestCase("010190123", TestName = "IsValid_NineDigits_False")]
    [TestCase("01019012345", TestName = "IsValid_ElevenDigits_False")]
    [TestCase("010190-1234", TestName = "IsValid_HyphenatedForm_False")]
    [TestCase("", TestName = "IsValid_Empty_False")]
    [TestCase(null, TestName = "IsValid_Null_False")]
    public void IsValid_NotTenAsciiDigits_False(string? value)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Cpr.IsValid(value), Is.False);
            Assert.That(Cpr.BirthDate(value), Is.Null);
        }
    }

    [TestCase("0101901234", "010190-xxxx", TestName = "Mask_TenDigits_KeepsBirthDatePart")]
    [TestCase("3102901234", "310290-xxxx", TestName = "Mask_TenDigitsWithoutRealDate_KeepsFirstSix")]
    [TestCase("010190-1234", "xxxxxx-xxxx", TestName = "Mask_HyphenatedForm_MaskedWhole")]
    [TestCase("01019012345", "xxxxxx-xxxx", TestName = "Mask_ElevenDigits_MaskedWhole")]
    [TestCase("12345", "xxxxxx-xxxx", TestName = "Mask_Short_MaskedWhole")]
    [TestCase("01019O1234", "xxxxxx-xxxx", TestName = "Mask_NonDigit_MaskedWhole")]
    [TestCase("", "xxxxxx-xxxx", TestName = "Mask_Empty_MaskedWhole")]
    [TestCase(null, "xxxxxx-xxxx", TestName = "Mask_Null_MaskedWhole")]
    public void Mask_Value_ShowsAtMostTheBirthDatePart(string? value, string expected) =>
        Assert.That(Cpr.Mask(value), Is.EqualTo(expected));

    [TestCase("0101901234", "010190-xxxx", TestName = "MaskWithin_TenDigitsAlone_Masked")]
    [TestCase("Cpr 0101901234 refused", "Cpr 010190-xxxx refused", TestName = "MaskWithin_TenDigitsInText_Masked")]
    [TestCase("Cpr 010190-1234 refused", "Cpr 010190-xxxx refused", TestName = "MaskWithin_HyphenAfterSix_Masked")]
    [TestCase("cpr=0101901234;", "cpr=010190-xxxx;", TestName = "MaskWithin_BetweenPunctuation_Masked")]
    [TestCase("x0101901234y", "x010190-xxxxy", TestName = "MaskWithin_BetweenLetters_Masked")]
    [TestCase("0101901234,0202024321", "010190-xxxx", TestName = "MaskWithin_TwoNumbersJoinedByAComma_MaskedAsOneRun")]
    [TestCase("0101901234 and 0202024321", "010190-xxxx and 020202-xxxx", TestName = "MaskWithin_TwoNumbersApartByAWord_BothMasked")]
    [TestCase("'010190,1234'", "'010190-xxxx'", TestName = "MaskWithin_Comma_Masked")]
    [TestCase("'010190_1234'", "'010190-xxxx'", TestName = "MaskWithin_Underscore_Masked")]
    [TestCase("'010190:1234'", "'010190-xxxx'", TestName = "MaskWithin_Colon_Masked")]
    [TestCase("'010190+1234'", "'010190-xxxx'", TestName = "MaskWithin_Plus_Masked")]
    [TestCase("'(010190)1234'", "'(010190-xxxx'", TestName = "MaskWithin_Parentheses_Masked")]
    [TestCase("'010190\u00B71234'", "'010190-xxxx'", TestName = "MaskWithin_MiddleDot_Masked")]
    [TestCase("'010190    1234'", "'010190-xxxx'", TestName = "MaskWithin_FourSpaces_Masked")]
    [TestCase("'010190     1234'", "'010190-xxxx'", TestName = "MaskWithin_FiveSpaces_Masked")]
    [TestCase("'010190 - - 1234'", "'010190-xxxx'", TestName = "MaskWithin_FiveSeparators_Masked")]
    [TestCase("'010190                1234'", "'010190-xxxx'", TestName = "MaskWithin_SixteenSpaces_Masked")]
    [TestCase("'010190\u31641234'", "'010190-xxxx'", TestName = "MaskWithin_HangulFiller_Masked")]
    [TestCase("'010190\uFFA01234'", "'010190-xxxx'", TestName = "MaskWithin_HalfwidthHangulFiller_Masked")]
    [TestCase("'010190\u115F1234'", "'010190-xxxx'", TestName = "MaskWithin_HangulChoseongFiller_Masked")]
    [TestCase("'01\u316401\u316490\u31641234'", "'010190-xxxx'", TestName = "MaskWithin_SeveralHangulFillers_Masked")]
    [TestCase("'010190\u200B1234'", "'010190-xxxx'", TestName = "MaskWithin_ZeroWidthSpace_Masked")]
    [TestCase("'010190\u20601234'", "'010190-xxxx'", TestName = "MaskWithin_WordJoiner_Masked")]
    [TestCase("'010190\u00AD1234'", "'010190-xxxx'", TestName = "MaskWithin_SoftHyphen_Masked")]
    [TestCase("'\u2070\u00B9\u2070\u00B9\u2079\u2070\u00B9\u00B2\u00B3\u2074'", "'010190-xxxx'", TestName = "MaskWithin_SuperscriptDigits_Masked")]
    [TestCase("'\u24EA\u2460\u24EA\u2460\u2468\u24EA\u2460\u2461\u2462\u2463'", "'010190-xxxx'", TestName = "MaskWithin_CircledDigits_Masked")]
    [TestCase("'0\u03031\u030301901234'", "'010190-xxxx'", TestName = "MaskWithin_CombiningMarks_Masked")]
    [TestCase("3102901234", "310290-xxxx", TestName = "MaskWithin_TenDigitsWithoutRealDate_Masked")]
    // A CPR number with a digit too many is still a CPR number (a caller's typo quoted back in a fault text).
    [TestCase("Id 01019012345", "Id 010190-xxxx", TestName = "MaskWithin_ElevenDigitRun_Masked")]
    [TestCase("Id 010190-12345", "Id 010190-xxxx", TestName = "MaskWithin_FiveDigitsAfterHyphen_Masked")]
    [TestCase("Id 0010190-1234", "Id 001019-xxxx", TestName = "MaskWithin_SevenDigitsBeforeHyphen_Masked")]
    [TestCase("Phone 12345678", "Phone 12345678", TestName = "MaskWithin_EightDigits_Untouched")]
    [TestCase("Date 2026-11-26", "Date 2026-11-26", TestName = "MaskWithin_IsoDate_Untouched")]
    [TestCase("'0101 901234'", "'010190-xxxx'", TestName = "MaskWithin_SpaceInside_Masked")]
    [TestCase("'01 01 90 12 34'", "'010190-xxxx'", TestName = "MaskWithin_SpacedPairs_Masked")]
    [TestCase("'01.01.90-1234'", "'010190-xxxx'", TestName = "MaskWithin_DotsAndHyphen_Masked")]
    [TestCase("'010190\u20131234'", "'010190-xxxx'", TestName = "MaskWithin_EnDash_Masked")]
    [TestCase("'010190\u20141234'", "'010190-xxxx'", TestName = "MaskWithin_EmDash_Masked")]
    [TestCase("'010190\u22121234'", "'010190-xxxx'", TestName = "MaskWithin_MinusSign_Masked")]
    [TestCase("'010190\u00A01234'", "'010190-xxxx'", TestName = "MaskWithin_NoBreakSpace_Masked")]
    [TestCase("'010190 - 1234'", "'010190-xxxx'", TestName = "MaskWithin_SpacedHyphen_Masked")]
    [TestCase("'010190/1234'", "'010190-xxxx'", TestName = "MaskWithin_Slash_Masked")]
    [TestCase("'\uFF10\uFF11\uFF10\uFF11\uFF19\uFF10\uFF11\uFF12\uFF13\uFF14'", "'010190-xxxx'", TestName = "MaskWithin_FullWidthDigits_Masked")]
    [TestCase("'\u0660\u0661\u0660\u0661\u0669\u0660\u0661\u0662\u0663\u0664'", "'010190-xxxx'", TestName = "MaskWithin_ArabicIndicDigits_Masked")]
    [TestCase("'0101901234\u0661'", "'010190-xxxx'", TestName = "MaskWithin_MixedScriptsRun_MaskedWhole")]
    [TestCase("", "", TestName = "MaskWithin_Empty_Empty")]
    public void MaskWithin_Text_MasksEveryTenDigitRun(string text, string expected) =>
        Assert.That(Cpr.MaskWithin(System.Text.RegularExpressions.Regex.Unescape(text)), Is.EqualTo(expected));
}
