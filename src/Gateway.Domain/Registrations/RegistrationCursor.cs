using System.Globalization;

namespace Gateway.Domain.Registrations;

/// <summary>
/// A position in the settled order of versions: the writing transaction's id, then the registration id and version to
/// order the rows of one transaction. A reader only ever receives versions whose transaction is older than every
/// transaction still running, so nothing can later appear before a position already handed out (see the store).
/// </summary>
/// <param name="Xid">The 64-bit id of the transaction that wrote the version.</param>
/// <param name="RegistrationId">The registration.</param>
/// <param name="Version">The version.</param>
public readonly record struct RegistrationCursor(ulong Xid, Guid RegistrationId, int Version)
{
    /// <summary>Before every version.</summary>
    public static RegistrationCursor Start => default;

    /// <summary>The cursor as callers see it: opaque, digits, hex and dashes.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Xid}-{RegistrationId:N}-{Version}");

    /// <summary>Reads a cursor as <see cref="ToString"/> wrote it; false for anything else.</summary>
    public static bool TryParse(string? text, out RegistrationCursor cursor)
    {
        cursor = Start;
        var parts = text?.Split('-');
        if (parts is not { Length: 3 }
            || !ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var xid)
            || parts[1].Length != 32 || !Guid.TryParseExact(parts[1], "N", out var id)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        cursor = new RegistrationCursor(xid, id, version);
        return true;
    }
}
