using System.CommandLine;
using Gateway.Cli.Execution;

namespace Gateway.Cli.Registrations;

/// <summary><c>gatewayctl registrations</c>: how registrations came about, without their personal items.</summary>
public static class RegistrationsGroup
{
    /// <summary>The command group.</summary>
    public static Command Create(CliContext context) =>
        new("registrations", "Registrations in the data basis: who made each version, when and through which channel")
        {
            RegistrationHistoryCommand.Create(context),
        };
}
