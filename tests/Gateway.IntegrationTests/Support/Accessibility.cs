using Deque.AxeCore.Commons;
using Newtonsoft.Json.Linq;
using OpenQA.Selenium;

namespace Gateway.IntegrationTests.Support;

/// <summary>
/// axe-core, run offline in the page a WebDriver has open: the engine's script comes embedded in Deque.AxeCore.Commons
/// and is injected through WebDriver, which a page's Content-Security-Policy does not block (a script the driver runs is
/// not one the page loads).
/// </summary>
public static class Accessibility
{
    /// <summary>The WCAG 2.0 and 2.1 level A and AA rules.</summary>
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The page's violations of WCAG 2.0/2.1 A and AA rules whose impact is serious or critical, one line each:
    /// rule, impact, what it asks for, and the CSS selectors of the elements that break it. Empty for a clean page.
    /// </summary>
    public static IReadOnlyList<string> SeriousViolations(IWebDriver driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var result = Run(driver);
        return
        [
            .. result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}"),
        ];
    }

    /// <summary>The whole axe result for the WCAG 2.0/2.1 A and AA rules, for a test that wants more than the serious ones.</summary>
    public static AxeResult Run(IWebDriver driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var script = (IJavaScriptExecutor)driver;
        if (script.ExecuteScript("return typeof window.axe === 'object' && typeof window.axe.run === 'function';") is not true)
        {
            script.ExecuteScript(AxeScript.Value);
        }

        var timeouts = driver.Manage().Timeouts();
        var before = timeouts.AsynchronousJavaScript;
        timeouts.AsynchronousJavaScript = Bound;
        object? answer;
        try
        {
            answer = script.ExecuteAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                window.axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
                    .then(result => done(JSON.stringify(result)), error => done('axe failed: ' + error));
                """,
                (object)WcagTags); // one argument, the array (not the tags spread as several)
        }
        finally
        {
            timeouts.AsynchronousJavaScript = before;
        }

        if (answer is not string json || !json.StartsWith('{'))
        {
            throw new InvalidOperationException($"axe-core did not run in the page: {answer ?? "no answer"}");
        }

        return new AxeResult(JObject.Parse(json));
    }
}
