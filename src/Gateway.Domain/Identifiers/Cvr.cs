namespace Gateway.Domain.Identifiers;

/// <summary>CVR numbers: 8 digits whose weighted sum (weights 2,7,6,5,4,3,2,1) is divisible by 11.</summary>
public static class Cvr
{
    private static readonly int[] Weights = [2, 7, 6, 5, 4, 3, 2, 1];

    /// <summary>Whether <paramref name="value"/> is a well-formed CVR number.</summary>
    public static bool IsValid(string? value)
    {
        if (value is not { Length: 8 } || !value.All(char.IsAsciiDigit) || value[0] == '0')
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (value[i] - '0') * Weights[i];
        }

        return sum % 11 == 0;
    }
}
