namespace Gateway.Cli.Output;

/// <summary>Plain columns aligned with spaces: readable in any terminal, and by <c>awk</c> or <c>cut</c>.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    /// <summary>Adds a row; missing cells are empty. Cells are escaped (<see cref="PrintableText"/>): one row stays one line.</summary>
    public TextTable Add(params string?[] cells)
    {
        _rows.Add([.. headers.Select((_, i) => i < cells.Length ? PrintableText.Escape(cells[i] ?? "") : "")]);
        return this;
    }

    /// <summary>Writes the header and the rows, or <paramref name="empty"/> when there are no rows.</summary>
    public void WriteTo(TextWriter writer, string empty)
    {
        if (_rows.Count == 0)
        {
            writer.WriteLine(empty);
            return;
        }

        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        WriteRow(writer, headers, widths);
        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths) =>
        // The last column is not padded, so lines carry no trailing spaces.
        writer.WriteLine(string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
}
