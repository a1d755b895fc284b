using System.Text;

namespace Gateway.Benchmarks.Requests;

/// <summary>A request body with one CPR number to fill in, kept as bytes so a request costs one copy.</summary>
internal sealed class CprTemplate
{
    /// <summary>What stands for the CPR number in the text the template is made from.</summary>
    public const string Placeholder = "@@CPR@@@@@";

    private readonly byte[] _prefix;
    private readonly byte[] _suffix;

    public CprTemplate(string text)
    {
        var at = text.IndexOf(Placeholder, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ArgumentException("The template text has no CPR placeholder.", nameof(text));
        }

        _prefix = Encoding.UTF8.GetBytes(text[..at]);
        _suffix = Encoding.UTF8.GetBytes(text[(at + Placeholder.Length)..]);
    }

    /// <summary>The body with <paramref name="cpr"/> (10 ASCII digits) filled in.</summary>
    public byte[] With(string cpr)
    {
        var body = new byte[_prefix.Length + 10 + _suffix.Length];
        _prefix.CopyTo(body, 0);
        Encoding.ASCII.GetBytes(cpr, body.AsSpan(_prefix.Length, 10));
        _suffix.CopyTo(body, _prefix.Length + 10);
        return body;
    }
}
