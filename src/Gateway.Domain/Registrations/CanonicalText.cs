using System.Globalization;
using System.Text;

namespace Gateway.Domain.Registrations;

/// <summary>
/// The line writer behind <see cref="CanonicalRequest"/>: a version line, then one <c>name=value</c> line per field, each
/// value in one fixed representation. Nothing here comes from a serializer or from a type's shape, so the text depends on
/// the values and the names written, and on nothing a refactoring can change.
/// </summary>
/// <remarks>
/// A text is written as its length in UTF-8 bytes, a colon and the text itself, never escaped: a newline or an
/// <c>=</c> inside a reason cannot be read as the start of another field, and there is no escaping rule to keep stable.
/// Every other representation is ASCII without a colon, and <c>null</c> is written only for an absent value, so no two
/// different values of one field can be written alike.
/// </remarks>
internal sealed class CanonicalText
{
    private const string Absent = "null";
    private readonly StringBuilder _text = new();

    /// <summary>Starts a text of form <paramref name="version"/> (for example <c>v1</c>) with its version line.</summary>
    public CanonicalText(string version) => _text.Append(version).Append('\n');

    /// <summary>A text field: <c>name=5:hello</c>, or <c>name=null</c>.</summary>
    public void Text(string name, string? value) =>
        Line(name, value is null ? Absent : string.Create(CultureInfo.InvariantCulture, $"{Encoding.UTF8.GetByteCount(value)}:{value}"));

    /// <summary>A code-list field by its member name: <c>name=Kontanthjaelp</c>.</summary>
    public void Code<T>(string name, T value) where T : struct, Enum => Line(name, value.ToString());

    /// <summary>An optional code-list field by its member name, or <c>name=null</c>.</summary>
    public void Code<T>(string name, T? value) where T : struct, Enum => Line(name, value?.ToString() ?? Absent);

    /// <summary>A date field, ISO 8601: <c>name=2024-06-10</c>, or <c>name=null</c>.</summary>
    public void Date(string name, DateOnly? value) =>
        Line(name, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Absent);

    /// <summary>A whole-number field in decimal digits: <c>name=2</c>.</summary>
    public void Number(string name, int value) => Line(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>An id field, lower-case hex with dashes: <c>name=01a2183d-3dde-7a1b-b5fb-956b20012647</c>.</summary>
    public void Id(string name, Guid value) => Line(name, value.ToString("D"));

    /// <summary>An absent group or list: <c>name=null</c>, where a present one writes its fields or its count.</summary>
    public void Missing(string name) => Line(name, Absent);

    /// <summary>
    /// The count of a list, <c>name=2</c>, which its items follow as <c>name[0]…</c>, <c>name[1]…</c>: an empty list
    /// and an absent one (<see cref="Missing"/>) are told apart, and items cannot move from one list to the next.
    /// </summary>
    public void Count(string name, int count) => Number(name, count);

    /// <summary>The text as written.</summary>
    public override string ToString() => _text.ToString();

    private void Line(string name, string value) => _text.Append(name).Append('=').Append(value).Append('\n');
}
