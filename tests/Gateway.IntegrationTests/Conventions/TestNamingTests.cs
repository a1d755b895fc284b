using System.Reflection;
using System.Text.RegularExpressions;

namespace Gateway.IntegrationTests.Conventions;

/// <summary>
/// Every test in the three test projects is named Subject_Condition_Expectation: three parts separated by single
/// underscores, each part PascalCase words (e.g. <c>RegisterInterview_SameRequestIdSameContent_ReturnsTheFirstReceipt</c>).
/// That holds for the methods marked [Test], [TestCase] or [TestCaseSource], and for the TestName a [TestCase] gives.
/// Names generated from data (TestCaseData.SetName, as the hardening corpus does with its file names) are not checked.
/// </summary>
[TestFixture]
public sealed partial class TestNamingTests
{
    private static readonly Assembly[] TestAssemblies =
    [
        typeof(TestNamingTests).Assembly,
        typeof(Gateway.Domain.Tests.Faults.FaultCodesTests).Assembly,
        typeof(Gateway.Cli.Tests.Execution.CommandLineTests).Assembly,
    ];

    [Test]
    public void TestMethods_OfTheThreeTestAssemblies_AreNamedSubjectConditionExpectation()
    {
        var methods = TestAssemblies.SelectMany(TestMethods).ToList();
        var offenders = methods.Where(m => !Scheme().IsMatch(m.Name)).Select(NameOf).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestAssemblies.Select(a => methods.Count(m => m.DeclaringType!.Assembly == a)), Is.All.Positive, "every assembly has tests to check");
            Assert.That(offenders, Is.Empty, () => Offenders("Test methods", offenders));
        }
    }

    [Test]
    public void TestNames_GivenByTestCase_AreNamedSubjectConditionExpectation()
    {
        var offenders = TestAssemblies.SelectMany(TestMethods)
            .SelectMany(m => m.GetCustomAttributes<TestCaseAttribute>().Select(c => c.TestName).OfType<string>().Select(name => (Method: m, Name: name)))
            .Where(c => !Scheme().IsMatch(c.Name))
            .Select(c => $"{NameOf(c.Method)}: TestName = \"{c.Name}\"")
            .ToList();

        Assert.That(offenders, Is.Empty, () => Offenders("TestName values", offenders));
    }

    private static IEnumerable<MethodInfo> TestMethods(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.IsDefined(typeof(TestAttribute)) || m.IsDefined(typeof(TestCaseAttribute)) || m.IsDefined(typeof(TestCaseSourceAttribute)));

    private static string NameOf(MethodInfo method) => $"{method.DeclaringType!.FullName}.{method.Name}";

    private static string Offenders(string what, List<string> offenders) =>
        $"{what} not named Subject_Condition_Expectation ({offenders.Count}):{Environment.NewLine}{string.Join(Environment.NewLine, offenders)}";

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*_[A-Z][A-Za-z0-9]*_[A-Z][A-Za-z0-9]*$")]
    private static partial Regex Scheme();
}
