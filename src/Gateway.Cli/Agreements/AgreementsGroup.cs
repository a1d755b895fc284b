using System.CommandLine;
using Gateway.Cli.Execution;
using Gateway.Domain.Agreements;

namespace Gateway.Cli.Agreements;

/// <summary><c>gatewayctl agreements</c>: connection agreements (tilslutningsaftaler, § 4) and their lifecycle.</summary>
public static class AgreementsGroup
{
    /// <summary>The command group.</summary>
    public static Command Create(CliContext context) =>
        new("agreements", "Connection agreements and their lifecycle")
        {
            RequestAgreementCommand.Create(context),
            TransitionAgreementCommand.Create(context, AgreementAction.Approve, "Approve a requested agreement: Requested -> Active"),
            TransitionAgreementCommand.Create(context, AgreementAction.Reject, "Reject a requested agreement: Requested -> Rejected"),
            TransitionAgreementCommand.Create(context, AgreementAction.Suspend, "Suspend an active agreement: Active -> Suspended"),
            TransitionAgreementCommand.Create(context, AgreementAction.Resume, "Resume a suspended agreement: Suspended -> Active"),
            TransitionAgreementCommand.Create(context, AgreementAction.Terminate, "Terminate an agreement: Active or Suspended -> Terminated"),
            AmendAgreementCommand.Create(context),
            ShowAgreementCommand.Create(context),
            ListAgreementsCommand.Create(context),
            AgreementHistoryCommand.Create(context),
            AgreementUsageCommand.Create(context),
            ExpireAgreementsCommand.Create(context),
        };

    /// <summary>The agreement id argument the per-agreement commands take.</summary>
    public static Argument<Guid> IdArgument() => new("ID")
    {
        Description = "The agreement's id (`gatewayctl agreements list`)",
        CustomParser = ValueParsers.Id,
    };

    /// <summary>The <c>--reason TEXT</c> every change of an agreement requires, recorded in its history.</summary>
    public static Option<string> ReasonOption() =>
        new("--reason") { Description = "Why, recorded in the history", HelpName = "TEXT", Required = true, CustomParser = ValueParsers.Reason };

    /// <summary>The message for an id no agreement has.</summary>
    public static string Unknown(Guid id) => $"No agreement {id}; `gatewayctl agreements list` shows the agreements and their ids.";
}
