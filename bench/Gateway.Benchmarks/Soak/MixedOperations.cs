using System.Collections.Concurrent;
using System.Text;
using Gateway.Benchmarks.Requests;
using Gateway.Contracts;

namespace Gateway.Benchmarks.Soak;

/// <summary>
/// The soak's mix of calls, in a fixed repeating order of twenty so that every window holds the same shares: 6 RegisterInterview
/// of new citizens, 7 GetContactCourse of citizens registered beforehand, 2 CorrectInterview of registrations the mix itself
/// registered (from version 1, each once; a RegisterInterview stands in while none is waiting), 2 ListRegistrations (the first
/// page of 100 of the sandbox authority's feed) and 3 Ping. Thread-safe.
/// </summary>
internal sealed class MixedOperations(Uri endpoint, SoapEnvelopes envelopes, IReadOnlyList<string> readCitizens)
{
    public const string Register = "RegisterInterview", Read = "GetContactCourse", Correct = "CorrectInterview", List = "ListRegistrations", Ping = "Ping";

    private static readonly string[] Order =
        [Register, Read, Ping, Read, Register, List, Read, Correct, Register, Read, Ping, Register, Read, List, Register, Read, Correct, Ping, Register, Read];

    private static ReadOnlySpan<byte> IdElement => "RegistrationId>"u8;

    private readonly CprSequence _citizens = new(new DateOnly(1950, 1, 1));
    private readonly byte[][] _reads = [.. readCitizens.Select(envelopes.GetContactCourseTemplate.With)];
    // The mix registers three times as often as it corrects: without a bound this queue grew through a soak by the load
    // client's own doing (69,000 CPR strings in 16 minutes of the 60-minute soak), which the memory samples then counted.
    internal const int MaxToCorrect = 10_000;

    private readonly ConcurrentQueue<(Guid Id, string Cpr)> _toCorrect = new();
    private long _next = -1;

    public static IReadOnlyList<string> Operations { get; } = [Register, Read, Correct, List, Ping];

    /// <summary>The next call: its operation and its request.</summary>
    public (string Operation, HttpRequestMessage Request, string? Cpr) Next()
    {
        var at = Interlocked.Increment(ref _next);
        var operation = Order[at % Order.Length];
        switch (operation)
        {
            case Correct when _toCorrect.TryDequeue(out var registration):
                return (Correct, SoapRequest.Post(endpoint, ContactCourseActions.CorrectInterview, envelopes.CorrectInterviewTemplate.With(registration.Cpr, registration.Id)), null);
            case Read:
                return (Read, SoapRequest.Post(endpoint, ContactCourseActions.GetContactCourse, _reads[at % _reads.Length]), null);
            case List:
                return (List, SoapRequest.Post(endpoint, ContactCourseActions.ListRegistrations, envelopes.ListRegistrations.FirstPage), null);
            case Ping:
                return (Ping, SoapRequest.Post(endpoint, ContactCourseActions.Ping, envelopes.Ping), null);
            default:
                var cpr = _citizens.Next();
                return (Register, SoapRequest.Post(endpoint, ContactCourseActions.RegisterInterview, envelopes.RegisterInterviewTemplate.With(cpr)), cpr);
        }
    }

    /// <summary>Reads a successful answer: a registration's receipt makes it one to correct later.</summary>
    public void Answered(string operation, string? cpr, ReadOnlySpan<byte> body)
    {
        if (operation != Register || cpr is null)
        {
            return;
        }

        var at = body.IndexOf(IdElement);
        if (at >= 0 && body.Length >= at + IdElement.Length + 36
            && Guid.TryParse(Encoding.ASCII.GetString(body.Slice(at + IdElement.Length, 36)), out var id))
        {
            _toCorrect.Enqueue((id, cpr));
            if (_toCorrect.Count > MaxToCorrect)
            {
                _toCorrect.TryDequeue(out _); // The oldest stays uncorrected.
            }
        }
    }
}
