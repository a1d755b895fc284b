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
    public async Task<ConformanceReport> ForSystemAsync(Guid itSystemId, CancellationToken cancellationToken)
    {
        var agreements = (await new AgreementStore(dataSource).ListAgreementsAsync(null, cancellationToken))
            .Where(a => a.ItSystemId == itSystemId && Live.Contains(a.Status));
        return await JudgeAsync(itSystemId, ConformanceTarget.Of(agreements), cancellationToken);
    }

    /// <summary>Judged against what <paramref name="agreement"/> allows: what the production gate asks of its system.</summary>
    public Task<ConformanceReport> ForAgreementAsync(Agreement agreement, CancellationToken cancellationToken) =>
        JudgeAsync(agreement.ItSystemId, ConformanceTarget.Of([agreement]), cancellationToken);

    private async Task<ConformanceReport> JudgeAsync(Guid itSystemId, ConformanceTarget target, CancellationToken cancellationToken) =>
        ConformanceCatalogue.Evaluate(target, await new ConformanceStore(dataSource).ObservationsAsync(itSystemId, cancellationToken));
}
