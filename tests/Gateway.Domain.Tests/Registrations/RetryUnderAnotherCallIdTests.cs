using Gateway.Domain.AccessLog;
using Gateway.Domain.Faults;
using Gateway.Domain.Registrations;
using Gateway.Domain.Tests.Faults;
using Moq;
using static Gateway.Domain.Tests.Registrations.SampleRegistrations;

namespace Gateway.Domain.Tests.Registrations;

/// <summary>
/// A retry is a new call of the same write: each operation, sent twice under one request id with a new call id the
/// second time, stores once and answers the retry with the first receipt, so the call id is no part of the fingerprint.
/// </summary>
public class RetryUnderAnotherCallIdTests
{
    private const string RequestId = "request-1";
    private static readonly StoredRegistration Registered = new(
        Guid.Parse("01900000-0000-7000-8000-000000000001"), 1, SameAfternoon, Municipality101, null, CaseWorkerId, false, MunicipalityInterview());

    private Mock<IRegistrationStore> _store = null!;
    private WriteRequest? _stored;
    private Receipt? _firstReceipt;

    [SetUp]
    public void CreateStore()
    {
        // The store keeps the first write's request and receipt, and reports the request id taken to every write after it.
        _stored = null;
        _firstReceipt = null;
        _store = new Mock<IRegistrationStore>(MockBehavior.Strict);
        _store.Setup(s => s.HistoryAsync(Registered.Id, It.IsAny<CancellationToken>())).ReturnsAsync([Registered]);
        _store.Setup(s => s.WriteAsync(It.IsAny<StoredRegistration>(), It.IsAny<WriteRequest>(), It.IsAny<Receipt>(), It.IsAny<AccessEntry>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((StoredRegistration _, WriteRequest request, Receipt receipt, AccessEntry _, CancellationToken _) =>
            {
                if (_stored is not null)
                {
                    return WriteResult.RequestIdTaken;
                }

                (_stored, _firstReceipt) = (request, receipt);
                return WriteResult.Stored;
            });
        _store.Setup(s => s.FindRequestAsync(It.IsAny<Guid>(), RequestId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => _stored is null ? null : new EarlierRequest(_stored.Fingerprint.Value, _firstReceipt!));
    }

    [TestCase("RegisterInterview")]
    [TestCase("CorrectInterview")]
    [TestCase("CancelInterview")]
    public async Task HandleAsync_SameWriteUnderAnotherCallId_ReplaysTheFirstReceipt(string operation)
    {
        var first = (await Send(operation, "call-1")).ExpectValue();

        var retry = await Send(operation, "call-2");

        Assert.That(retry.ExpectValue(), Is.SameAs(first));
    }

    private Task<Outcome<Receipt>> Send(string operation, string callId)
    {
        var clock = new FixedTimeProvider(SameAfternoon);
        var writes = new RegistrationWrites(_store.Object, Mock.Of<IAccessLog>(), clock);
        var agreement = AdmittedCalls.AgreementOf(MunicipalityCaller);
        var context = AdmittedCalls.ContextOf(MunicipalityCaller) with { CallId = callId };
        return operation switch
        {
            "RegisterInterview" => new RegisterInterview(SampleRegistrations.RulesOf(new RegistrationPolicy()), writes)
                .HandleAsync(agreement, context, RequestId, MunicipalityInterview(), CancellationToken.None),
            "CorrectInterview" => new CorrectInterview(SampleRegistrations.RulesOf(new RegistrationPolicy()), _store.Object, writes)
                .HandleAsync(agreement, context, RequestId, Registered.Id, 1, "Rettelse.", MunicipalityInterview() with { CitizenComments = "Rettet." }, CancellationToken.None),
            _ => new CancelInterview(_store.Object, writes)
                .HandleAsync(agreement, context, RequestId, Registered.Id, 1, "Fejl.", CancellationToken.None),
        };
    }
}
