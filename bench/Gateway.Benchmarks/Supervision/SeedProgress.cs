using System.Diagnostics;
using System.Globalization;

namespace Gateway.Benchmarks.Supervision;

/// <summary>
/// A progress bar for the seeding step on standard error: done and total, rows per second, and the time left at the rate
/// so far. On a terminal it redraws one line four times a second; redirected to a file (nohup), it writes a line every
/// ten seconds instead, so the log stays readable.
/// </summary>
internal sealed class SeedProgress(TextWriter error, string what, long total)
{
    private const int BarWidth = 30;
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _lastShown;
    private long _done;
    private long _rows;

    public long Done => _done;

    /// <summary>Seconds since the bar started.</summary>
    public double Seconds => Stopwatch.GetElapsedTime(_started).TotalSeconds;

    /// <summary>Counts <paramref name="items"/> more of the total, which took <paramref name="rows"/> rows in all tables.</summary>
    public void Advance(long items, long rows)
    {
        _done += items;
        _rows += rows;
        var now = Stopwatch.GetTimestamp();
        if (Stopwatch.GetElapsedTime(_lastShown, now) >= (_terminal ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(10)))
        {
            _lastShown = now;
            Show();
        }
    }

    public void Finish()
    {
        Show();
        if (_terminal)
        {
            error.WriteLine();
        }
    }

    private void Show()
    {
        var seconds = Math.Max(Seconds, 0.001);
        var fraction = total == 0 ? 1 : Math.Min(1, (double)_done / total);
        var rate = _done / seconds;
        var left = rate > 0 ? TimeSpan.FromSeconds((total - _done) / rate) : TimeSpan.Zero;
        var filled = (int)(fraction * BarWidth);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"  {what} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {fraction,6:P1} {_done:N0}/{total:N0}  " +
            $"{rate:N0}/s ({_rows / seconds:N0} rows/s)  ETA {left:hh\\:mm\\:ss}");
        if (_terminal)
        {
            error.Write("\r" + line);
        }
        else
        {
            error.WriteLine(line);
        }
    }
}
