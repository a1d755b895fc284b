using Gateway.Benchmarks.Load;
using Gateway.Contracts;
using Npgsql;

namespace Gateway.Benchmarks.Requests;

/// <summary>
/// Prepares the CorrectInterview scenario's registrations, before its warm-up and not measured: the registrations the
/// RegisterInterview scenario left (each still at version 1), topped up through the gateway when a correction rate a
/// half above RegisterInterview's would use them up before the window closes.
/// </summary>
internal sealed class CorrectionPreparation(
    ClosedLoopLoad load, NpgsqlDataSource database, Uri endpoint, SoapEnvelopes envelopes, BenchmarkOptions options, TextWriter output)
{
    // A correction reads the registration's history, then writes one row fewer than a registration: it has run up to
    // a quarter faster than RegisterInterview. Should it still run out, the scenario stops early and the report says so.
    private const double RateMargin = 1.5;

    /// <summary>Registrations made here to top up; 0 when the RegisterInterview scenario left enough.</summary>
    public int Registered { get; private set; }

    /// <summary>Every registration at version 1 except <paramref name="citizens"/>' (GetContactCourse reads those).</summary>
    public async Task<RegistrationsToCorrect> PrepareAsync(double registerRate, IReadOnlyList<string> citizens, CancellationToken cancellationToken)
    {
        var needed = (int)Math.Ceiling(registerRate * RateMargin * (options.WarmupSeconds + options.DurationSeconds)) + options.Concurrency;
        var registrations = await UncorrectedAsync(citizens, cancellationToken);
        if (registrations.Count < needed)
        {
            Registered = needed - registrations.Count;
            output.WriteLine($"  registering {Registered:N0} more interviews to correct, beside the {registrations.Count:N0} RegisterInterview left");
            await RegisterAsync(Registered, cancellationToken);
            registrations = await UncorrectedAsync(citizens, cancellationToken);
        }

        output.WriteLine($"  {registrations.Count:N0} registrations at version 1 to correct, each once");
        return new RegistrationsToCorrect(registrations);
    }

    // Citizens apart from the other scenarios' (born in the 1940s); the fast loop of RegisterCitizensAsync.
    private async Task RegisterAsync(int count, CancellationToken cancellationToken)
    {
        var sequence = new CprSequence(new DateOnly(1940, 1, 1));
        var registering = new LoadScenario("registering interviews to correct", () =>
            SoapRequest.Post(endpoint, ContactCourseActions.RegisterInterview, envelopes.RegisterInterviewTemplate.With(sequence.Next())));
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (_, token) => await load.ProbeAsync(registering, token));
    }

    private async Task<List<(Guid Id, string Cpr)>> UncorrectedAsync(IReadOnlyList<string> citizens, CancellationToken cancellationToken)
    {
        await using var query = database.CreateCommand("""
            select r.id, r.cpr
              from registration r
             where r.cpr <> all($1)
               and not exists (select 1 from registration_version v where v.registration_id = r.id and v.version > 1)
             order by r.id
            """);
        query.Parameters.Add(new NpgsqlParameter { Value = citizens.ToArray() });
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        var registrations = new List<(Guid Id, string Cpr)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            registrations.Add((reader.GetGuid(0), reader.GetString(1)));
        }

        return registrations;
    }
}
