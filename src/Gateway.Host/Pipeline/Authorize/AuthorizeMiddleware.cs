using System.Xml;
using System.Xml.Linq;
using Gateway.Contracts;
using Gateway.Contracts.CodeLists;
using Gateway.Domain.Agreements;
using Gateway.Domain.Calendar;
using Gateway.Domain.Faults;
using Gateway.Domain.Identifiers;
using Gateway.Host.Hosting;
using Gateway.Host.Pipeline.Envelope;
using Gateway.Host.Pipeline.Faults;
using Gateway.Host.Pipeline.Validation;
using Gateway.Host.Telemetry;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Pipeline.Authorize;

/// <summary>
/// Authorize (§ 4, § 5 nr. 2): the CallContext SOAP header must be valid against the XSD and meet the rules for its
/// identifiers (<see cref="CallContextRules"/>), on every operation; and the agreement it names must admit this
/// IT system, operation, authority and principal, now, in this environment (<see cref="AgreementDecisions"/>).
/// What depends on the body (case type, read scope) is decided by the operation with the same decisions.
/// </summary>
internal sealed class AuthorizeMiddleware(
    RequestDelegate next, IAccessStore access, ContractSchemas schemas, IOptions<GatewayOptions> options, DanishCalendar calendar)
{
    private readonly GatewayEnvironment _environment = options.Value.Environment
        ?? throw new InvalidOperationException("Gateway:Environment is validated at start-up and cannot be missing here.");

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<SoapCall>() is not { Operation: { } operation } call)
        {
            await next(context);
            return;
        }

        Refusal? refusal;
        using (GatewayMetrics.Activities.StartActivity("gateway.authorize"))
        {
            refusal = await AuthorizeAsync(call, operation, context.RequestAborted);
        }

        if (refusal is not null)
        {
            await SoapFaultResponse.WriteAsync(context, call, refusal);
            return;
        }

        await next(context);
    }

    private async Task<Refusal?> AuthorizeAsync(SoapCall call, ServiceOperation operation, CancellationToken cancellationToken)
    {
        // Counted whatever their actor or role: a second call context, even one for another node, would let an
        // intermediary read other values than the gateway acts on.
        var headers = call.CallContexts;
        if (headers.Count == 0)
        {
            return new Refusal(FaultCodes.CallContextMissing);
        }

        if (headers.Count > 1)
        {
            return new Refusal(FaultCodes.CallContextInvalid, [new FieldViolation("Header/CallContext", "CallContext.OnlyOne", "Send exactly one CallContext header.")]);
        }

        if (!HeaderBlocks.IsForGateway(headers[0], call.Version))
        {
            return new Refusal(FaultCodes.CallContextInvalid,
                [new FieldViolation("Header/CallContext", "CallContext.NotForGateway", "The CallContext is addressed to another node (actor or role); address it to the gateway, or leave actor and role out.")]);
        }

        // SOAP's own header attributes (mustUnderstand, actor/role, relay) belong to the envelope, not to the contract's XSD.
        var header = headers[0];
        var violations = schemas.Validate(header, foreignAttributes: call.Version.EnvelopeNamespace);
        if (violations.Count > 0)
        {
            return new Refusal(FaultCodes.CallContextInvalid, [.. violations.Select(v => v with { Field = HeaderPath(v.Field) })]);
        }

        var callContext = Read(header);
        if (CallContextRules.Check(callContext) is { Count: > 0 } broken)
        {
            return new Refusal(FaultCodes.CallContextInvalid, broken);
        }

        var agreement = await access.FindAgreementAsync(callContext.AgreementId, cancellationToken);
        if (agreement is not null && agreement.ItSystemId == call.ItSystemId)
        {
            call.AgreementId = agreement.Id; // counted in usage from here on, refused or not
        }

        var refusal = AgreementDecisions.AdmitCall(agreement, call.ItSystemId, callContext, operation.Name, _environment, calendar.Today);
        if (refusal is null)
        {
            call.Admission = new Admission(agreement!, callContext);
        }

        return refusal;
    }

    // Paths are relative to the header element; an error on the element itself has the element's own name.
    private static string HeaderPath(string field) => field == EnvelopeMiddleware.CallContextName.LocalName ? "Header/CallContext" : $"Header/CallContext/{field}";

    // The header is schema-valid here, so every required element is present and well-formed.
    private static CallerContext Read(XElement header)
    {
        var ns = XNamespace.Get(ContractNamespace.V1);
        static AuthorityId Authority(XElement e, XNamespace ns) =>
            new(Enum.Parse<AuthorityKind>(e.Element(ns + "Kind")!.Value), e.Element(ns + "Code")!.Value);
        var principal = header.Element(ns + "Principal");
        return new CallerContext(
            XmlConvert.ToGuid(header.Element(ns + "AgreementId")!.Value),
            Authority(header.Element(ns + "ActingAuthority")!, ns),
            principal is null ? null : Authority(principal, ns),
            header.Element(ns + "CaseWorkerId")?.Value,
            header.Element(ns + "CallId")!.Value);
    }
}
