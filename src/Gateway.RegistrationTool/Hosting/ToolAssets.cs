using Microsoft.AspNetCore.Http;

namespace Gateway.RegistrationTool.Hosting;

/// <summary>The tool's own stylesheet, embedded in the assembly and served from it: no asset comes from anywhere else.</summary>
internal static class ToolAssets
{
    private static readonly Lazy<byte[]> Css = new(() =>
    {
        using var stream = typeof(ToolAssets).Assembly.GetManifestResourceStream("Gateway.RegistrationTool.Assets.tool.css")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IResult Stylesheet(HttpContext http)
    {
        // The stylesheet holds nothing personal: it may be cached, unlike the pages.
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(Css.Value, "text/css; charset=utf-8");
    }
}
