using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Gateway.Cli.Execution;
using Gateway.Data.AccessLog;

namespace Gateway.Cli.Audit;

/// <summary>
/// <c>gatewayctl audit verify [--head SEQ:HASH]</c>: walks the chain and reports the first break. Exit 0 when it holds,
/// 1 when it is broken (the report still goes to standard output, and the break also to standard error).
/// </summary>
public static class VerifyAuditCommand
{
    /// <summary>The command.</summary>
    public static Command Create(CliContext context)
    {
        var head = new Option<AccessLogHead?>("--head")
        {
            Description = "A head recorded earlier from this command's output; the chain must still hold that link with that hash",
            HelpName = "SEQ:HASH",
            CustomParser = Head,
        };
        var command = new Command("verify", "Verify the access log's hash chain; exit 1 and name the first broken entry if it does not hold") { head };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var run = context.Begin(parseResult);
            return run.WithDatabaseAsync(async dataSource =>
            {
                var verification = await new AccessLogVerifier(dataSource).VerifyAsync(parseResult.GetValue(head), cancellationToken);

                run.Output.Result(verification, AuditText.Verification);
                return verification.FirstBreak is { } broken
                    ? run.Output.Refuse($"The access log's chain is broken at link {broken.Seq}: {broken.Description}")
                    : ExitCodes.Success;
            });
        });
        return command;
    }

    private static AccessLogHead? Head(ArgumentResult result)
    {
        var value = result.Tokens[0].Value.Trim();
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && long.TryParse(value[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq >= 1
            && value[(colon + 1)..] is { Length: 64 } hash && hash.All(char.IsAsciiHexDigit))
        {
            return new AccessLogHead(seq, hash.ToLowerInvariant());
        }

        result.AddError($"--head takes SEQ:HASH, the link number and its 64 hexadecimal digits as `gatewayctl audit verify` prints the head; got '{value}'.");
        return null;
    }
}
