using Gateway.Cli.Output;
using Gateway.Data.Agreements;

namespace Gateway.Cli.Authorities;

/// <summary>The <c>authorities</c> commands' results as people read them; <c>--json</c> bypasses this.</summary>
public static class AuthoritiesText
{
    /// <summary><c>authorities add</c>.</summary>
    public static void AuthorityAdded(TextWriter writer, AuthorityAdded result) => writer.WriteLine(result.Added
        ? $"Added authority {result.Authority} ({PrintableText.Escape(result.Name)})."
        : $"Authority {result.Authority} ({PrintableText.Escape(result.Name)}) was registered already; nothing changed.");

    /// <summary><c>authorities list</c>.</summary>
    public static void Authorities(TextWriter writer, IReadOnlyList<AuthorityRecord> authorities)
    {
        var table = new TextTable("KIND", "CODE", "NAME");
        foreach (var a in authorities)
        {
            table.Add(a.Authority.Kind.ToString(), a.Authority.Code, a.Name);
        }

        table.WriteTo(writer, "No authorities; add one with `gatewayctl authorities add`.");
    }
}
