using System.Text;

namespace Gateway.Benchmarks.Requests;

/// <summary>
/// A request body with one CPR number to fill in, and, when the text has them, a request id that is new in every body
/// (a write repeated under one request id would only replay its first receipt) and the registration to change. Kept as
/// bytes, so a body costs one copy.
/// </summary>
internal sealed class CprTemplate
{
    /// <summary>What stands for the CPR number in the text the template is made from.</summary>
    public const string Placeholder = "@@CPR@@@@@";

    /// <summary>What stands for the request id: 32 characters, the length of a UUID without hyphens.</summary>
    public const string RequestIdPlaceholder = "@@REQUEST@ID@@@@@@@@@@@@@@@@@@@@";

    /// <summary>What stands for the registration id: 36 characters, the length of a UUID with hyphens.</summary>
    public const string RegistrationIdPlaceholder = "@@REGISTRATION@ID@@@@@@@@@@@@@@@@@@@";

    private readonly List<(byte[] Text, string? Slot)> _parts = [];
    private readonly bool _namesRegistration;

    static CprTemplate()
    {
        // Each placeholder is exactly as long as what replaces it: a body is filled in place.
        if (Placeholder.Length != 10 || RequestIdPlaceholder.Length != Guid.Empty.ToString("N").Length
            || RegistrationIdPlaceholder.Length != Guid.Empty.ToString("D").Length)
        {
            throw new InvalidOperationException("A placeholder's length differs from the value it stands for.");
        }
    }

    public CprTemplate(string text)
    {
        if (!text.Contains(Placeholder, StringComparison.Ordinal))
        {
            throw new ArgumentException("The template text has no CPR placeholder.", nameof(text));
        }

        var rest = text;
        while (true)
        {
            var slots = new[] { Placeholder, RequestIdPlaceholder, RegistrationIdPlaceholder }
                .Select(p => (Placeholder: p, At: rest.IndexOf(p, StringComparison.Ordinal))).Where(s => s.At >= 0).OrderBy(s => s.At).ToList();
            if (slots.Count == 0)
            {
                _parts.Add((Encoding.UTF8.GetBytes(rest), null));
                break;
            }

            var (slot, at) = slots[0];
            _namesRegistration |= slot == RegistrationIdPlaceholder;
            _parts.Add((Encoding.UTF8.GetBytes(rest[..at]), slot));
            rest = rest[(at + slot.Length)..];
        }
    }

    /// <summary>The body with <paramref name="cpr"/> (10 ASCII digits) and a new request id filled in.</summary>
    public byte[] With(string cpr) => With(cpr, null);

    /// <summary>The body with <paramref name="cpr"/>, a new request id and <paramref name="registrationId"/> filled in.</summary>
    public byte[] With(string cpr, Guid? registrationId)
    {
        if (registrationId is null && _namesRegistration)
        {
            throw new ArgumentNullException(nameof(registrationId), "The template changes a registration; name it.");
        }

        var requestId = Guid.NewGuid().ToString("N");
        var registration = registrationId?.ToString("D");
        var body = new byte[_parts.Sum(p => p.Text.Length + (p.Slot?.Length ?? 0))];
        var at = 0;
        foreach (var (text, slot) in _parts)
        {
            text.CopyTo(body, at);
            at += text.Length;
            if (slot is not null)
            {
                var value = slot switch
                {
                    Placeholder => cpr,
                    RequestIdPlaceholder => requestId,
                    _ => registration!,
                };
                at += Encoding.ASCII.GetBytes(value, body.AsSpan(at, slot.Length));
            }
        }

        return body;
    }
}
