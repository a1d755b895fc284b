using System.Globalization;

namespace Gateway.Data.AccessLog;

/// <summary>
/// A place in settled order: (xid, id) of an <c>access_log</c> row. The chain follows this order, which no later commit
/// can change below the horizon (see 0006_versions_and_access_log.sql).
/// </summary>
/// <param name="Xid">The writing transaction's id.</param>
/// <param name="Id">The entry's id.</param>
internal readonly record struct SettledPosition(ulong Xid, long Id) : IComparable<SettledPosition>
{
    /// <summary>Before every entry: where sealing starts on an empty chain.</summary>
    public static SettledPosition Genesis => new(0, 0);

    /// <summary>The position of entry <paramref name="id"/> written under <paramref name="xid"/>, as <c>xid::text</c> reads it.</summary>
    public static SettledPosition Of(string xid, long id) => new(ulong.Parse(xid, CultureInfo.InvariantCulture), id);

    /// <summary>The xid as the SQL parameter <c>@x::xid8</c> takes it.</summary>
    public string XidText => Xid.ToString(CultureInfo.InvariantCulture);

    public int CompareTo(SettledPosition other) => (Xid, Id).CompareTo((other.Xid, other.Id));

    public static bool operator <(SettledPosition left, SettledPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(SettledPosition left, SettledPosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(SettledPosition left, SettledPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SettledPosition left, SettledPosition right) => left.CompareTo(right) >= 0;
}
