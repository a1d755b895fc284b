using Dapper;
using Gateway.Contracts.CodeLists;
using Gateway.Data.Database;
using Gateway.Domain.Identifiers;
using Gateway.Domain.Registrations;
using Gateway.Domain.Supervision;

namespace Gateway.Data.Supervision;

/// <summary>
/// Computes the supervision figures in the database (<see cref="SupervisionQueries"/>), each answer in one snapshot, from the
/// supervision facts (migration 0012), brought up to every write acknowledged before the call (<see cref="SupervisionFacts"/>).
/// </summary>
public sealed class SupervisionStore(GatewayDataSource dataSource, TimeProvider clock) : ISupervisionStore
{
    private readonly SupervisionFacts _facts = new(dataSource);

    /// <inheritdoc />
    public Task<bool> IsRegisteredAsync(AuthorityId authority, CancellationToken cancellationToken) =>
        new Agreements.AuthorityStore(dataSource).ExistsAsync(authority, cancellationToken);

    /// <summary>
    /// One line per registered municipality and Employment Service unit, from the same figures as
    /// <see cref="ReportAsync"/>, in the order of the authority register: all of them in one statement
    /// (<see cref="SupervisionQueries.Overview"/>), in one snapshot.
    /// </summary>
    public Task<IReadOnlyList<SupervisionOverviewLine>> OverviewAsync(
        DateOnly from, DateOnly to, int overdueAfterMonths, CancellationToken cancellationToken) =>
        StoreFailures.Translate<IReadOnlyList<SupervisionOverviewLine>>(async work =>
        {
            await _facts.CatchUpAsync(work);
            await using var connection = await dataSource.OpenConnectionAsync(work);
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, work);
            var rows = await connection.QueryAsync<OverviewRow>(new CommandDefinition(SupervisionQueries.Overview,
                new { from, to, overdue = overdueAfterMonths }, transaction, cancellationToken: work));
            await transaction.CommitAsync(work);
            return [.. rows.Select(r => new SupervisionOverviewLine(
                new AuthorityId(Enum.Parse<AuthorityKind>(r.Kind), r.Code), r.Name, r.Interviews, r.InCourse,
                new(r.Overdue, r.InCourse), new(r.Late, r.Interviews), new(r.Missing, r.Interviews), new(r.Tool, r.Interviews)))];
        }, cancellationToken);

    /// <summary>
    /// The report for <paramref name="authority"/> (a municipality or an Employment Service unit: the authority responsible
    /// for the registrations) from <paramref name="from"/> to <paramref name="to"/>, both included.
    /// </summary>
    public Task<SupervisionReport> ReportAsync(
        AuthorityId authority, DateOnly from, DateOnly to, int overdueAfterMonths, int nextContactLimitMonths, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async work =>
        {
            RequireResponsible(authority);
            var mandatory = Enum.GetValues<RegistrationItem>().Where(i => ItemRequirements.For(i, authority.Kind) == Requirement.Mandatory).ToList();
            IReadOnlyList<RegistrationItem> voluntary = authority.Kind == AuthorityKind.Municipality ? SupervisionFigures.VoluntaryForMunicipalities : [];

            await _facts.CatchUpAsync(work);
            await using var connection = await dataSource.OpenConnectionAsync(work);
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, work);
            var computedAt = clock.GetUtcNow();
            await connection.ExecuteAsync(new CommandDefinition(SupervisionQueries.BaseSets,
                new { kind = authority.Kind.ToString(), code = authority.Code, from, to }, transaction, cancellationToken: work));
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(SupervisionQueries.Report(mandatory, voluntary), new
            {
                from,
                to,
                overdue = overdueAfterMonths,
                limit = nextContactLimitMonths,
            }, transaction, cancellationToken: work));

            var breakdown = (await results.ReadAsync<SupervisionReport.Breakdown>()).ToList();
            var inCourse = await results.ReadSingleAsync<int>();
            var overdue = await results.ReadSingleAsync<int>();
            var totals = await results.ReadSingleAsync<(int Total, int Late, int Beyond, int Tool)>();
            var present = (IDictionary<string, object>)await results.ReadSingleAsync();
            var anyMissing = await results.ReadSingleAsync<int>();
            var uptake = (IDictionary<string, object>)await results.ReadSingleAsync();
            var categories = (await results.ReadAsync<(int Category, int Interviews)>()).ToDictionary(c => c.Category, c => c.Interviews);
            var movement = await results.ReadSingleAsync<SupervisionReport.Movement>();
            var monthly = (await results.ReadAsync<(DateTime First, int Interviews, int Late)>()).Select(m => new SupervisionReport.Month(DateOnly.FromDateTime(m.First), m.Interviews, m.Late)).ToList();
            await transaction.CommitAsync(work);

            return new SupervisionReport
            {
                Authority = authority,
                From = from,
                To = to,
                ComputedAt = computedAt,
                OverdueAfterMonths = overdueAfterMonths,
                NextContactLimitMonths = nextContactLimitMonths,
                Interviews = totals.Total,
                ByTypeAndForm = breakdown,
                CitizensInCourse = inCourse,
                OverdueCitizens = overdue,
                Late = new(totals.Late, totals.Total),
                NextContactBeyondLimit = new(totals.Beyond, totals.Total),
                ThroughTool = new(totals.Tool, totals.Total),
                MissingMandatory = mandatory.ToDictionary(i => i.ToString(), i => new SupervisionReport.Share(totals.Total - (int)present[i.ToString()], totals.Total)),
                VoluntaryUptake = voluntary.ToDictionary(i => i.ToString(), i => new SupervisionReport.Share((int)uptake[i.ToString()], totals.Total)),
                MatchCategories = Enumerable.Range(1, 5).ToDictionary(c => c, c => categories.GetValueOrDefault(c)),
                MatchMovement = movement,
                AnyMandatoryMissing = anyMissing,
                Monthly = monthly,
            };
        }, cancellationToken);
    /// <summary>
    /// One page of the overdue list of <paramref name="authority"/> on <paramref name="asOf"/>: at most
    /// <paramref name="pageSize"/> citizens after <paramref name="after"/> (from the start when null), most overdue first,
    /// with the size of the whole list, in one snapshot.
    /// </summary>
    public Task<OverduePage> OverdueCitizensAsync(
        AuthorityId authority, DateOnly asOf, int overdueAfterMonths, OverdueCursor? after, int pageSize, CancellationToken cancellationToken) =>
        StoreFailures.Translate(async work =>
        {
            RequireResponsible(authority);
            ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
            await _facts.CatchUpAsync(work);
            await using var connection = await dataSource.OpenConnectionAsync(work);
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, work);
            await using var results = await connection.QueryMultipleAsync(new CommandDefinition(SupervisionQueries.OverduePage, new
            {
                kind = authority.Kind.ToString(),
                code = authority.Code,
                asOf,
                overdue = overdueAfterMonths,
                afterHeld = after?.LastInterviewOn ?? DateOnly.MinValue,
                afterId = after?.RegistrationId ?? Guid.Empty,
                take = pageSize + 1,
            }, transaction, cancellationToken: work));
            var total = await results.ReadSingleAsync<int>();
            var rows = (await results.ReadAsync<OverdueRow>()).ToList();
            await transaction.CommitAsync(work);

            var citizens = rows.Take(pageSize).Select(r => new OverdueCitizen(r.Cpr, r.RegistrationId, r.LastInterviewOn, r.NextContactOn)).ToList();
            var next = rows.Count > pageSize ? new OverdueCursor(citizens[^1].LastInterviewOn, citizens[^1].RegistrationId) : (OverdueCursor?)null;
            return new OverduePage(total, citizens, next);
        }, cancellationToken);

    private static void RequireResponsible(AuthorityId authority)
    {
        if (authority.Kind is not (AuthorityKind.Municipality or AuthorityKind.EmploymentServiceUnit))
        {
            throw new ArgumentException("Supervision figures are for a municipality or an Employment Service unit: the authority responsible for the registrations.", nameof(authority));
        }
    }

    private sealed record OverviewRow(string Kind, string Code, string Name, int Interviews, int InCourse, int Overdue, int Late, int Missing, int Tool);

    private sealed record OverdueRow(string Cpr, Guid RegistrationId, DateOnly LastInterviewOn, DateOnly? NextContactOn);
}
