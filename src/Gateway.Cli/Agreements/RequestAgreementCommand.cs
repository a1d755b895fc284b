using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Contracts.CodeLists;
using Gateway.Data.Agreements;
using Gateway.Data.Database;
using Gateway.Domain.Agreements;
using Gateway.Domain.Identifiers;

namespace Gateway.Cli.Agreements;

/// <summary><c>gatewayctl agreements request</c>: stores a requested agreement; an operator then approves or rejects it.</summary>
public static class RequestAgreementCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var authority = new Option<AuthorityId>("--authority")
        {
            Description = "The authority the agreement is for, as Kind:Code (Municipality:101, EmploymentServiceUnit:4001, OtherActor:CVR)",
            HelpName = "Kind:Code",
            Required = true,
            CustomParser = ValueParsers.Authority,
        };
        var system = new Option<Guid?>("--system")
        {
            Description = "The IT system's id (required for a web-services agreement; a registration-tool agreement admits the tool itself)",
            HelpName = "ID",
            CustomParser = result => ValueParsers.Id(result),
        };
        var channel = new Option<RegistrationChannel>("--channel")
        {
            Description = "The way it admits the authority: its IT system through the web services, or its case workers through the registration tool",
            HelpName = string.Join('|', Enum.GetNames<RegistrationChannel>()),
            CustomParser = ValueParsers.Enum<RegistrationChannel>,
            DefaultValueFactory = _ => RegistrationChannel.WebServices,
        };
        var principals = new Option<AuthorityId[]>("--principal")
        {
            Description = "For an other actor: an authority it acts for, as Kind:Code (repeat for several)",
            HelpName = "Kind:Code",
            CustomParser = ValueParsers.Authorities,
        };
        var operations = AgreementTermOptions.Operations("default: all");
        var caseTypes = AgreementTermOptions.CaseTypes("default: those of the authority's kind");
        var readScope = AgreementTermOptions.ReadScope("default: OwnCitizens");
        var supervisionScope = new Option<SupervisionScope>("--supervision-scope")
        {
            Description = "Whose supervision figures it may read: the authority it calls for (OwnAuthority), or every authority (AllAuthorities, a supervisor's agreement)",
            HelpName = string.Join('|', Enum.GetNames<SupervisionScope>()),
            CustomParser = ValueParsers.Enum<SupervisionScope>,
            DefaultValueFactory = _ => SupervisionScope.OwnAuthority,
        };
        var overdueCpr = new Option<bool>("--overdue-cpr") { Description = "Let the overdue lists it reads name CPR numbers (default: masked)" };
        var environment = new Option<GatewayEnvironment>("--environment")
        {
            Description = "The environment it reaches",
            HelpName = string.Join('|', Enum.GetNames<GatewayEnvironment>()),
            Required = true,
            CustomParser = ValueParsers.Enum<GatewayEnvironment>,
        };
        var validFrom = AgreementTermOptions.ValidFrom("default: today in Denmark");
        var validTo = new Option<DateOnly?>("--valid-to") { Description = "Last day (default: no end date)", HelpName = "YYYY-MM-DD", CustomParser = ValueParsers.Date };
        var contact = AgreementTermOptions.Contact("default: none");
        var contractReference = AgreementTermOptions.ContractReference("default: none");
        var reason = AgreementsGroup.ReasonOption();
        var command = new Command("request", "Request an agreement (status Requested); prints it")
        {
            authority, system, channel, principals, operations, caseTypes, readScope, supervisionScope, overdueCpr, environment, validFrom, validTo, contact, contractReference, reason,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var way = parseResult.GetValue(channel);
            var systemId = parseResult.GetValue(system);
            if (way == RegistrationChannel.WebServices && systemId is null)
            {
                return Task.FromResult(run.Output.Usage("--system is required for a web-services agreement: give the IT system's id (`gatewayctl systems list`)."));
            }

            var request = new AgreementRequest
            {
                Authority = parseResult.GetRequiredValue(authority),
                Principals = parseResult.GetValue(principals) ?? [],
                ItSystemId = systemId ?? RegistrationTool.ItSystemId,
                Channel = way,
                CaseTypes = AgreementTermOptions.SetOf(parseResult, caseTypes),
                ReadScope = parseResult.GetValue(readScope) ?? ReadScope.OwnCitizens,
                SupervisionScope = parseResult.GetValue(supervisionScope),
                OverdueCpr = parseResult.GetValue(overdueCpr),
                Environment = parseResult.GetValue(environment),
                ValidFrom = parseResult.GetValue(validFrom) ?? run.Today,
                ValidTo = parseResult.GetValue(validTo),
                Contact = parseResult.GetValue(contact)?.Value,
                ContractReference = parseResult.GetValue(contractReference)?.Value,
            };
            if (AgreementTermOptions.SetOf(parseResult, operations, StringComparer.Ordinal) is { } asked)
            {
                request = request with { Operations = asked };
            }

            if (request.Problems() is { Count: > 0 } problems)
            {
                return Task.FromResult(run.Output.Refuse("Cannot request the agreement:", problems));
            }

            return run.WithDatabaseAsync(dataSource => RequestAsync(dataSource, request, parseResult.GetRequiredValue(reason), run, cancellationToken));
        });
        return command;
    }

    private static async Task<int> RequestAsync(GatewayDataSource dataSource, AgreementRequest request, string reason, CommandRun run, CancellationToken cancellationToken)
    {
        // The schema would refuse unknown references too; checking first lets the message name the fix.
        var authorities = (await new AuthorityStore(dataSource).ListAuthoritiesAsync(cancellationToken)).Select(a => a.Authority).ToHashSet();
        var problems = request.Principals.Prepend(request.Authority).Where(a => !authorities.Contains(a))
            .Select(a => $"Authority {a} is not registered; add it with `gatewayctl authorities add --kind {a.Kind} --code {a.Code} --name NAME`.")
            .ToList();
        if ((await new ItSystemStore(dataSource).ListItSystemsAsync(cancellationToken)).All(s => s.Id != request.ItSystemId))
        {
            problems.Add($"No IT system {request.ItSystemId}; `gatewayctl systems list` shows the registered ones, `gatewayctl systems add` registers one.");
        }

        if (problems.Count > 0)
        {
            return run.Output.Refuse("Cannot request the agreement:", problems);
        }

        var agreement = await new AgreementStore(dataSource).RequestAgreementAsync(request, run.Operator, reason, cancellationToken);
        run.Output.Note($"Agreement {agreement.Id} is Requested; an operator approves it with `gatewayctl agreements approve {agreement.Id} --reason TEXT`.");
        return run.Output.Result(agreement, AgreementsText.Agreement);
    }
}
