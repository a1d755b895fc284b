using Gateway.Data.Agreements;
using Gateway.Domain.Agreements;

namespace Gateway.Host.Access;

/// <summary>
/// Who may call, as the gateway remembers it: the stores of certificates and agreements and the cached view the
/// identify and authorize stages decide on (emptied on every change, see <see cref="Background.AccessChangeListener"/>).
/// </summary>
internal static class AccessSetup
{
    public static IServiceCollection AddGatewayAccess(this IServiceCollection services)
    {
        services.AddSingleton<AccessStore>();
        services.AddSingleton<CachedAccessStore>();
        services.AddSingleton<IAccessStore>(sp => sp.GetRequiredService<CachedAccessStore>());
        services.AddSingleton<AuthorityStore>();
        services.AddSingleton<ItSystemStore>();
        services.AddSingleton<CertificateStore>();
        services.AddSingleton<AgreementStore>();
        services.AddSingleton<TrialConnections>();
        services.AddSingleton<CaseWorkerStore>();
        return services;
    }
}
