using System.CommandLine;
using Gateway.Cli.Execution;

namespace Gateway.Cli.Authorities;

/// <summary><c>gatewayctl authorities</c>: the municipalities, Employment Service units and other actors agreements are for.</summary>
public static class AuthoritiesGroup
{
    /// <summary>The command group.</summary>
    public static Command Create(CliContext context) =>
        new("authorities", "Municipalities, Employment Service units and other actors")
        {
            AddAuthorityCommand.Create(context),
            ListAuthoritiesCommand.Create(context),
        };
}
