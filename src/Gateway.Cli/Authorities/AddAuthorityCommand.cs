using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Contracts.CodeLists;
using Gateway.Data.Agreements;
using Gateway.Domain.Identifiers;

namespace Gateway.Cli.Authorities;

/// <summary><c>gatewayctl authorities add</c>: registers an authority, so that agreements can name it.</summary>
public static class AddAuthorityCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var kind = new Option<AuthorityKind>("--kind")
        {
            Description = "The kind of authority",
            HelpName = string.Join('|', Enum.GetNames<AuthorityKind>()),
            Required = true,
            CustomParser = ValueParsers.Enum<AuthorityKind>,
        };
        var code = new Option<string>("--code")
        {
            Description = "Municipality code (3 digits), unit code (3-6 digits) or, for an other actor, its CVR number",
            Required = true,
            CustomParser = ValueParsers.Text,
        };
        var name = new Option<string>("--name") { Description = "The authority's name", Required = true, CustomParser = ValueParsers.Text };
        var command = new Command("add", "Register an authority") { kind, code, name };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var authority = new AuthorityId(parseResult.GetValue(kind), parseResult.GetRequiredValue(code));
            var (valid, rule) = AuthorityId.Check(authority.Kind, authority.Code);
            if (!valid)
            {
                return Task.FromResult(run.Output.Refuse($"Cannot add authority {authority}: {rule}"));
            }

            return run.WithDatabaseAsync(async dataSource =>
            {
                var store = new AuthorityStore(dataSource);
                if (await store.AddAuthorityAsync(authority, parseResult.GetRequiredValue(name), run.Operator, cancellationToken))
                {
                    return run.Output.Result(new AuthorityAdded(authority, parseResult.GetRequiredValue(name), Added: true), AuthoritiesText.AuthorityAdded);
                }

                // Adding is idempotent, so that a setup script can be run again; the stored name is kept.
                var existing = (await store.ListAuthoritiesAsync(cancellationToken)).Single(a => a.Authority == authority);
                return run.Output.Result(new AuthorityAdded(authority, existing.Name, Added: false), AuthoritiesText.AuthorityAdded);
            });
        });
        return command;
    }
}
