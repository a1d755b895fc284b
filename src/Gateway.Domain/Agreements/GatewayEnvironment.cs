namespace Gateway.Domain.Agreements;

/// <summary>Which environment a gateway or an agreement belongs to. A Test agreement reaches only a Test gateway.</summary>
public enum GatewayEnvironment
{
    /// <summary>Synthetic data; trial connections need no approval by the authority.</summary>
    Test,

    /// <summary>Real data; approved only for IT systems that passed the conformance scenarios in Test.</summary>
    Production,
}
