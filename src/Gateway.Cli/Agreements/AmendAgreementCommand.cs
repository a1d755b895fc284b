using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Data.Agreements;
using Gateway.Domain.Agreements;
using Gateway.Domain.Conformance;

namespace Gateway.Cli.Agreements;

/// <summary>
/// <c>gatewayctl agreements amend ID --reason TEXT</c> and what to change: the operations, case types, read scope,
/// validity, contact or contract reference of a Requested, Active or Suspended agreement, in one transaction with its
/// history row. A widening of an Active or Suspended Production agreement passes the production gate as approving it
/// does. It takes effect on the gateway's next call.
/// </summary>
public static class AmendAgreementCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var id = AgreementsGroup.IdArgument();
        var operations = AgreementTermOptions.Operations("the full new set");
        var caseTypes = AgreementTermOptions.CaseTypes("the full new set");
        var readScope = AgreementTermOptions.ReadScope("default: as it is");
        var validFrom = AgreementTermOptions.ValidFrom("default: as it is");
        var validTo = new Option<Replacement<DateOnly?>?>("--valid-to")
        {
            Description = $"Last day; {ValueParsers.None} for no end date (default: as it is)",
            HelpName = $"YYYY-MM-DD|{ValueParsers.None}",
            CustomParser = result => ValueParsers.OrNone<DateOnly?>(result, ValueParsers.Date),
        };
        var contact = AgreementTermOptions.Contact("default: as it is");
        var contractReference = AgreementTermOptions.ContractReference("default: as it is");
        var reason = AgreementsGroup.ReasonOption();
        var command = new Command("amend", "Change an agreement's operations, case types, read scope, validity, contact or contract reference")
        {
            id, operations, caseTypes, readScope, validFrom, validTo, contact, contractReference, reason,
        };
        var gate = ConformanceGateCheck.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            var agreementId = parseResult.GetValue(id);
            var amendment = new AgreementAmendment
            {
                Operations = AgreementTermOptions.SetOf(parseResult, operations, StringComparer.Ordinal),
                CaseTypes = AgreementTermOptions.SetOf(parseResult, caseTypes),
                ReadScope = parseResult.GetValue(readScope),
                ValidFrom = parseResult.GetValue(validFrom),
                ValidTo = parseResult.GetValue(validTo),
                Contact = parseResult.GetValue(contact),
                ContractReference = parseResult.GetValue(contractReference),
            };
            if (amendment.AsksNothing)
            {
                return Task.FromResult(run.Output.Usage(
                    "Say what to amend: --operations, --case-types, --read-scope, --valid-from, --valid-to, --contact or --contract-ref (`gatewayctl agreements amend --help`)."));
            }

            return run.WithDatabaseAsync(async dataSource =>
            {
                var store = new AgreementStore(dataSource);
                if (await store.GetAgreementAsync(agreementId, cancellationToken) is not { } agreement)
                {
                    return run.Output.Refuse(AgreementsGroup.Unknown(agreementId));
                }

                var revision = amendment.Revise(agreement);
                if (revision.Problems(run.Today) is { Count: > 0 } problems)
                {
                    return run.Output.Refuse($"Cannot amend agreement {agreementId}:", problems);
                }

                string? conformanceOverride = null;
                if (ConformanceGate.Guards(revision))
                {
                    var outcome = await gate.JudgeAsync(context, run, parseResult, dataSource, revision.After, $"amend Production agreement {agreementId} so",
                        $"for it as amended, which widens its {string.Join(" and ", revision.Widening.Select(AgreementsText.Label))}",
                        ConformanceGate.AmendmentOverrideNote, cancellationToken);
                    if (outcome.Refused is { } refused)
                    {
                        return refused;
                    }

                    conformanceOverride = outcome.ConformanceOverride;
                }
                else
                {
                    gate.NotNeeded(run, parseResult, "the conformance gate applies only to an amendment that widens an Active or Suspended Production agreement");
                }

                var result = await store.AmendAsync(revision, run.Operator, parseResult.GetRequiredValue(reason), cancellationToken, conformanceOverride);
                if (result is { Agreement: not null } && conformanceOverride is not null)
                {
                    run.Output.Note($"Conformance gate overridden: {conformanceOverride}");
                }

                return result switch
                {
                    null => run.Output.Refuse(AgreementsGroup.Unknown(agreementId)),
                    { Agreement: null } => run.Output.Refuse(
                        $"Cannot amend agreement {agreementId}: someone else changed it while this amendment was decided on; nothing was changed. " +
                        $"`gatewayctl agreements show {agreementId}` shows it as it is now; run the command again."),
                    _ => run.Output.Result(result, AgreementsText.Amendment),
                };
            });
        });
        return command;
    }
}
