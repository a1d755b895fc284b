using Gateway.Data.Agreements;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;
using Gateway.Domain.Conformance;

namespace Gateway.Data.Conformance;

/// <summary>Where an IT system stands on the conformance scenarios: its observed Test calls judged against what its agreements need.</summary>
public sealed class ConformanceStanding(GatewayDataSource dataSource)
{
    private static readonly AgreementStatus[] Live = [AgreementStatus.Requested, AgreementStatus.Active, AgreementStatus.Suspended];

    /// <summary>Judged against every agreement of the system that is requested, active or suspended, in either environment.</summary>
    public async Task<ConformanceReport> ForSystemAsync(Guid itSystemId, CancellationToken cancellationToken) =>
        await JudgeAsync(itSystemId, await TargetAsync(itSystemId, cancellationToken), cancellationToken);

    /// <summary>What the system must show: what its requested, active and suspended agreements allow, in either environment.</summary>
    public async Task<ConformanceTarget> TargetAsync(Guid itSystemId, CancellationToken cancellationToken) =>
        ConformanceTarget.Of(await new AgreementStore(dataSource).ListAgreementsOfSystemAsync(itSystemId, Live, cancellationToken));

    /// <summary>The status of <paramref name="itSystemId"/> named <paramref name="name"/>: its report, drills and last reset.</summary>
    public async Task<ConformanceStatus> StatusAsync(Guid itSystemId, string name, CancellationToken cancellationToken)
    {
        var store = new ConformanceStore(dataSource);
        var report = await ForSystemAsync(itSystemId, cancellationToken);
        return ConformanceStatus.Of(itSystemId, name, report, await store.DrillsOnAsync(itSystemId, cancellationToken), await store.LastResetAsync(itSystemId, cancellationToken));
    }

    /// <summary>Judged against what <paramref name="agreement"/> allows: what the production gate asks of its system.</summary>
    public Task<ConformanceReport> ForAgreementAsync(Agreement agreement, CancellationToken cancellationToken) =>
        JudgeAsync(agreement.ItSystemId, ConformanceTarget.Of([agreement]), cancellationToken);

    /// <summary>
    /// Judged against what <paramref name="agreement"/> (of another installation, a Production one) allows, on the calls
    /// that this database, a Test installation's, recorded for the IT system of the same name and vendor: IT systems
    /// are registered in each installation with ids of its own. Null when this database has no such IT system.
    /// </summary>
    public async Task<ConformanceReport?> ForAgreementElsewhereAsync(Agreement agreement, string systemName, string vendorCvr, CancellationToken cancellationToken)
    {
        var here = await new ItSystemStore(dataSource).FindItSystemAsync(systemName, vendorCvr, cancellationToken);
        return here is null ? null : await JudgeAsync(here.Id, ConformanceTarget.Of([agreement]), cancellationToken);
    }

    private async Task<ConformanceReport> JudgeAsync(Guid itSystemId, ConformanceTarget target, CancellationToken cancellationToken) =>
        ConformanceCatalogue.Evaluate(target, await new ConformanceStore(dataSource).ObservationsAsync(itSystemId, cancellationToken));
}
