using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using System.Xml.Serialization;
using Gateway.Contracts;
using Gateway.IntegrationTests.Support;

namespace Gateway.IntegrationTests.Contracts;

/// <summary>
/// Contract discipline: the running service serves exactly the files in <c>wsdl/</c> and <c>contracts/</c> (with
/// only the documented address substitutions), a tool can follow every reference in them, and what the gateway
/// and the contract types put on the wire is valid against those files.
/// </summary>
[TestFixture]
public sealed partial class PublishedContractTests
{
    private TestGateway _gateway = null!;
    private XmlSchemaSet _schemasOnDisk = null!;

    [OneTimeSetUp]
    public async Task StartGateway()
    {
        _gateway = await TestGateway.StartAsync();
        _schemasOnDisk = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        _schemasOnDisk.Add(null, Repository.PathOf("contracts", "ContactCourse.Messages.v1.xsd"));
        _schemasOnDisk.Compile();
    }

    [OneTimeTearDown]
    public async Task StopGateway() => await _gateway.DisposeAsync();

    private static IEnumerable<string> SchemaFiles() =>
        Directory.GetFiles(Repository.PathOf("contracts"), "*.xsd").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [Test]
    public void Schemas_Embedded_AreExactlyTheFilesInContracts()
    {
        Assert.That(ContractDocuments.SchemaNames, Is.EqualTo(SchemaFiles()));
        foreach (var name in SchemaFiles())
        {
            Assert.That(ContractDocuments.Schema(name), Is.EqualTo(File.ReadAllText(Repository.PathOf("contracts", name))), name);
        }

        Assert.That(ContractDocuments.Wsdl, Is.EqualTo(File.ReadAllText(Repository.PathOf("wsdl", ContractDocuments.WsdlName))));
    }

    [Test]
    public async Task Wsdl_Served_IsTheFileWithTheAddressOfTheHostAskedAndFollowableSchemaUrls()
    {
        var served = await _gateway.Http.GetStringAsync("/soap/v1/ContactCourse?wsdl");
        Assert.That(served, Is.EqualTo(Expected(File.ReadAllText(Repository.PathOf("wsdl", ContractDocuments.WsdlName)))));
    }

    [TestCaseSource(nameof(SchemaFiles))]
    public async Task Schema_Served_IsTheFile(string name)
    {
        var served = await _gateway.Http.GetStringAsync($"/soap/v1/ContactCourse?xsd={name}");
        Assert.That(served, Is.EqualTo(Expected(File.ReadAllText(Repository.PathOf("contracts", name)))));
    }

    [Test]
    public async Task ServedDocuments_EveryReferencedSchemaUrl_AnswersAndTheSetCompiles()
    {
        var set = new XmlSchemaSet();
        var pending = new Queue<Uri>(SchemaUrls(await _gateway.Http.GetStringAsync("/soap/v1/ContactCourse?wsdl")));
        var seen = new HashSet<Uri>();
        while (pending.TryDequeue(out var url))
        {
            if (!seen.Add(url))
            {
                continue;
            }

            var text = await _gateway.Http.GetStringAsync(url);
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { XmlResolver = null });
            var schema = XmlSchema.Read(reader, null)!;
            schema.Includes.Clear();
            set.Add(schema);
            foreach (var next in SchemaUrls(text))
            {
                pending.Enqueue(next);
            }
        }

        set.Compile();
        Assert.Multiple(() =>
        {
            Assert.That(seen, Has.Count.EqualTo(SchemaFiles().Count()));
            Assert.That(set.GlobalElements.Contains(new XmlQualifiedName("RegisterInterview", ContractNamespace.V1)));
        });
    }

    [TestCase("<Ping xmlns=\"urn:dk:ams:contactcourse:v1\"/>")]
    [TestCase("<GetContactCourse xmlns=\"urn:dk:ams:contactcourse:v1\"><Cpr>0101901234</Cpr></GetContactCourse>")]
    [TestCase("<GetContactCourse xmlns=\"urn:dk:ams:contactcourse:v1\"><Cpr>3213901234</Cpr></GetContactCourse>")]
    [TestCase("<Unknown xmlns=\"urn:dk:ams:contactcourse:v1\"/>")]
    public async Task GatewayResponses_AnswersAndFaults_AreValidAgainstTheFilesOnDisk(string payload)
    {
        using var response = await _gateway.Http.SendAsync(SoapRequests.Post("/soap/v1/ContactCourse", SoapRequests.Envelope11(payload)));
        var body = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element(SoapRequests.Soap11 + "Body")!;
        var content = body.Elements().Single();
        var element = content.Name == SoapRequests.Soap11 + "Fault"
            ? content.Element("detail")!.Elements().Single()
            : content;
        Assert.That(Validate(element), Is.Empty);
    }

    [Test]
    public async Task RegisterInterviewResponseAndCourse_WithEveryItem_AreValidAgainstTheFilesOnDisk()
    {
        var cpr = TestCitizens.Next();
        var register = Wrap("RegisterInterview", new XElement(XName.Get("RequestId", ContractNamespace.V1), "contract-test-" + cpr), Serialize(SampleRegistrations.Complete(cpr), "Registration"));
        Assert.Multiple(() =>
        {
            Assert.That(Validate(register), Is.Empty, "the contract types' own serialization");
            Assert.That(Validate(Serialize(Callers.ContextOf(As.OtherActor), "CallContext")), Is.Empty, "the call context header");
            var systemCall = Callers.ContextOf(As.Municipality);
            systemCall.CaseWorkerId = null;
            systemCall.SystemCall = new Gateway.Contracts.Types.SystemCall();
            Assert.That(Validate(Serialize(systemCall, "CallContext")), Is.Empty, "a system call's header");
        });

        using var registered = await _gateway.Http.SendAsync(SoapRequests.Post("/soap/v1/ContactCourse", SoapRequests.Envelope11(register.ToString())));
        using var course = await _gateway.Http.SendAsync(SoapRequests.Post("/soap/v1/ContactCourse", SoapRequests.Envelope11(
            $"<GetContactCourse xmlns=\"{ContractNamespace.V1}\"><Cpr>{cpr}</Cpr></GetContactCourse>")));
        Assert.Multiple(async () =>
        {
            Assert.That(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
            Assert.That(Validate(Payload(await registered.Content.ReadAsStringAsync())), Is.Empty);
            Assert.That(Validate(Payload(await course.Content.ReadAsStringAsync())), Is.Empty);
        });
    }

    [Test]
    public async Task ContractOnePointThreeResponses_WithAnOtherActorAndEveryItem_AreValidAgainstTheFilesOnDisk()
    {
        // Registered and corrected by the other actor, so that OtherActor appears; read, listed, then cancelled.
        var cpr = TestCitizens.Next();
        var actor = _gateway.Client(As.OtherActor);
        var receipt = await actor.RegisterInterview(SampleRegistrations.Complete(cpr));
        var payloads = new Dictionary<string, string>
        {
            ["CorrectInterview"] = Wrap("CorrectInterview",
                new XElement(XName.Get("RequestId", ContractNamespace.V1), "contract-correct-" + cpr),
                new XElement(XName.Get("RegistrationId", ContractNamespace.V1), receipt.RegistrationId),
                new XElement(XName.Get("Version", ContractNamespace.V1), 1),
                new XElement(XName.Get("Reason", ContractNamespace.V1), "Rettelse."),
                Serialize(SampleRegistrations.Complete(cpr), "Registration")).ToString(),
            ["GetInterview"] = $"<GetInterview xmlns=\"{ContractNamespace.V1}\"><RegistrationId>{receipt.RegistrationId}</RegistrationId></GetInterview>",
            ["ListRegistrations"] = $"<ListRegistrations xmlns=\"{ContractNamespace.V1}\"><MaxCount>500</MaxCount></ListRegistrations>",
            ["GetContactCourse"] = $"<GetContactCourse xmlns=\"{ContractNamespace.V1}\"><Cpr>{cpr}</Cpr></GetContactCourse>",
            ["CancelInterview"] = $"<CancelInterview xmlns=\"{ContractNamespace.V1}\"><RequestId>contract-cancel-{cpr}</RequestId><RegistrationId>{receipt.RegistrationId}</RegistrationId><Version>2</Version><Reason>Fejl.</Reason></CancelInterview>",
        };

        foreach (var (operation, payload) in payloads)
        {
            Assert.That(Validate(XElement.Parse(payload)), Is.Empty, $"{operation} request");
            using var response = await _gateway.Http.SendAsync(SoapRequests.Post("/soap/v1/ContactCourse", SoapRequests.Envelope11(payload, As.OtherActor)));
            var answer = await response.Content.ReadAsStringAsync();
            Assert.That(answer, Does.Contain($"<{operation}Response"), answer);
            Assert.That(Validate(Payload(answer)), Is.Empty, $"{operation} response");
        }
    }

    [Test]
    public async Task SupervisionResponses_ReportWithThe15FigureAndOverdueListWithACitizen_AreValidAgainstTheFilesOnDisk()
    {
        // Seen 100 days ago: in the report's period and on the overdue list.
        var registration = SampleRegistrations.Minimal(TestCitizens.Next());
        registration.Interview.HeldOn = SampleRegistrations.Today.AddDays(-100);
        await _gateway.Client().RegisterInterview(registration);
        var (from, to) = (SampleRegistrations.Today.AddYears(-1).ToString("yyyy-MM-dd"), SampleRegistrations.Today.ToString("yyyy-MM-dd"));
        var authority = $"<Authority><Kind>Municipality</Kind><Code>{Callers.MunicipalityCode}</Code></Authority>";
        var payloads = new Dictionary<string, (string Payload, string Carries)>
        {
            ["GetSupervisionReport"] = ($"<GetSupervisionReport xmlns=\"{ContractNamespace.V1}\"><Query>{authority}<From>{from}</From><To>{to}</To></Query></GetSupervisionReport>",
                "<ThroughRegistrationTool>"),
            ["ListOverdueCitizens"] = ($"<ListOverdueCitizens xmlns=\"{ContractNamespace.V1}\"><Query>{authority}<AsOf>{to}</AsOf></Query><MaxCount>100</MaxCount></ListOverdueCitizens>",
                "<MaskedCpr>"),
        };

        foreach (var (operation, (payload, carries)) in payloads)
        {
            Assert.That(Validate(XElement.Parse(payload)), Is.Empty, $"{operation} request");
            using var response = await _gateway.Http.SendAsync(SoapRequests.Post("/soap/v1/ContactCourse", SoapRequests.Envelope11(payload)));
            var answer = await response.Content.ReadAsStringAsync();
            Assert.That(answer, Does.Contain($"<{operation}Response").And.Contain(carries), answer);
            Assert.That(Validate(Payload(answer)), Is.Empty, $"{operation} response");
        }
    }

    [Test]
    public void Wsdl_PortTypeAndBothBindings_DeclareExactlyTheOperationsOfTheServiceInterface()
    {
        var wsdl = XDocument.Load(Repository.PathOf("wsdl", "ContactCourse.v1.wsdl"));
        XNamespace w = "http://schemas.xmlsoap.org/wsdl/";
        var expected = ContactCourseActions.ByOperation.OrderBy(o => o.Key, StringComparer.Ordinal).ToList();

        var portType = wsdl.Root!.Elements(w + "portType").Single().Elements(w + "operation")
            .Select(o => (o.Attribute("name")!.Value, o.Element(w + "input")!.Attributes().Single(a => a.Name.LocalName == "Action").Value));
        Assert.That(portType.OrderBy(o => o.Item1, StringComparer.Ordinal), Is.EqualTo(expected.Select(o => (o.Key, o.Value))));
        foreach (var binding in wsdl.Root.Elements(w + "binding"))
        {
            var operations = binding.Elements(w + "operation")
                .Select(o => (o.Attribute("name")!.Value, o.Elements().First().Attribute("soapAction")!.Value,
                    HasHeader: o.Element(w + "input")!.Elements().Any(e => e.Name.LocalName == "header")));
            Assert.That(operations.OrderBy(o => o.Item1, StringComparer.Ordinal), Is.EqualTo(expected.Select(o => (o.Key, o.Value, true))),
                binding.Attribute("name")!.Value);
        }
    }

    [Test]
    public void FaultDetailType_WithFieldErrors_SerializesValid()
    {
        var detail = new Gateway.Contracts.Types.GatewayFault
        {
            Code = "Client.Validation.RuleViolation",
            Text = "t",
            CorrelationId = "c",
            FieldErrors = [new Gateway.Contracts.Types.FieldError { Field = "Registration/Cpr", Code = "Cpr.Invalid", Text = "t" }],
        };
        Assert.That(Validate(Serialize(detail, "GatewayFault")), Is.Empty);
    }

    // The documented substitutions, computed here independently of the gateway's own code.
    private string Expected(string file)
    {
        var service = new Uri(_gateway.BaseAddress, "/soap/v1/ContactCourse").ToString();
        return LocationInFile().Replace(
            file.Replace("location=\"https://localhost/soap/v1/ContactCourse\"", $"location=\"{service}\"", StringComparison.Ordinal),
            m => $"schemaLocation=\"{service}?xsd={m.Groups[1].Value}\"");
    }

    private static IEnumerable<Uri> SchemaUrls(string document) =>
        SchemaUrl().Matches(document).Select(m => new Uri(m.Groups[1].Value));

    /// <summary>Every sample in docs/samples: its operation element or its fault's detail, and its CallContext header, valid against the files on disk.</summary>
    [TestCaseSource(nameof(SampleFiles))]
    public void Sample_AsPublished_IsValidAgainstTheFilesOnDisk(string file)
    {
        var envelope = XDocument.Load(Repository.PathOf("docs", "samples", file)).Root!;
        var body = envelope.Elements().Single(e => e.Name.LocalName == "Body").Elements().Single();
        var payload = body.Name.LocalName == "Fault"
            ? body.Elements().Single(e => e.Name.LocalName is "detail" or "Detail").Elements().Single()
            : body;
        var headers = envelope.Elements().Where(e => e.Name.LocalName == "Header").Elements(XName.Get("CallContext", ContractNamespace.V1));

        Assert.Multiple(() =>
        {
            Assert.That(Validate(payload), Is.Empty, file);
            foreach (var header in headers)
            {
                Assert.That(Validate(header), Is.Empty, file + " CallContext");
            }
        });
    }

    [TestCase("RegisterInterview.LostAnswer.response.xml", Gateway.Domain.Conformance.ConformanceDrill.LostAnswer)]
    [TestCase("RegisterInterview.Outage.response.xml", Gateway.Domain.Conformance.ConformanceDrill.Outage)]
    public void DrillSample_AsPublished_CarriesTheTextTheGatewaySends(string file, Gateway.Domain.Conformance.ConformanceDrill drill)
    {
        var text = XDocument.Load(Repository.PathOf("docs", "samples", file)).Descendants(XName.Get("Text", ContractNamespace.V1)).Single().Value;
        Assert.That(text, Is.EqualTo(Gateway.Domain.Conformance.ConformanceDrills.FaultText(drill)));
    }

    private static IEnumerable<TestCaseData> SampleFiles() =>
        Directory.GetFiles(Repository.PathOf("docs", "samples"), "*.xml").Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f!).SetName($"Sample_{f!.Replace('.', '_')}_IsValid"));

    private List<string> Validate(XElement element)
    {
        var errors = new List<string>();
        var declaration = (XmlSchemaElement?)_schemasOnDisk.GlobalElements[new XmlQualifiedName(element.Name.LocalName, element.Name.NamespaceName)];
        if (declaration is null)
        {
            return [$"no global element {element.Name}"];
        }

        new XDocument(new XElement(element)).Root!.Validate(declaration, _schemasOnDisk, (_, e) => errors.Add(e.Message));
        return errors;
    }

    private static XElement Payload(string envelope) =>
        XDocument.Parse(envelope).Root!.Element(SoapRequests.Soap11 + "Body")!.Elements().Single();

    private static XElement Wrap(string operation, params XElement[] parts) =>
        new(XName.Get(operation, ContractNamespace.V1), parts);

    private static XElement Serialize<T>(T value, string elementName)
    {
        var serializer = new XmlSerializer(typeof(T), new XmlRootAttribute(elementName) { Namespace = ContractNamespace.V1 });
        var document = new XDocument();
        using (var writer = document.CreateWriter())
        {
            serializer.Serialize(writer, value);
        }

        return document.Root!;
    }

    [GeneratedRegex("schemaLocation=\"([A-Za-z0-9.]+\\.xsd)\"")]
    private static partial Regex LocationInFile();

    [GeneratedRegex("schemaLocation=\"(http[^\"]+)\"")]
    private static partial Regex SchemaUrl();
}
