using Gateway.Contracts;
using Gateway.Contracts.Types;
using Npgsql;

namespace Gateway.Benchmarks.Baselines;

/// <summary>
/// The naive SOAP + database path: the canned service, but RegisterInterview first INSERTs one row into a
/// simple table. No validation and no JSON; what is left is SoapCore plus one durable commit per request.
/// </summary>
internal sealed class InsertingContactCourseService(NpgsqlDataSource dataSource, IHttpContextAccessor httpContext) : IContactCourseService
{
    /// <summary>The baseline's table, beside the gateway's own in the same database.</summary>
    public const string CreateTable = """
        create table if not exists bench_registration (
            id             uuid        primary key,
            cpr            text        not null,
            case_type      text        not null,
            held_on        date        not null,
            case_worker_id text        not null,
            received_at    timestamptz not null
        )
        """;

    private const string Insert =
        "insert into bench_registration (id, cpr, case_type, held_on, case_worker_id, received_at) values ($1, $2, $3, $4, $5, $6)";

    private readonly CannedContactCourseService _canned = new();

    public async Task<RegistrationReceipt> RegisterInterview(string requestId, InterviewRegistration registration)
    {
        var receipt = new RegistrationReceipt { RegistrationId = Guid.CreateVersion7(), Version = 1, ReceivedAt = DateTime.UtcNow };
        await using var command = dataSource.CreateCommand(Insert);
        command.Parameters.Add(new NpgsqlParameter { Value = receipt.RegistrationId });
        command.Parameters.Add(new NpgsqlParameter { Value = registration.Cpr });
        command.Parameters.Add(new NpgsqlParameter { Value = registration.CaseType.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = DateOnly.FromDateTime(registration.Interview.HeldOn) });
        // The case worker travels in the CallContext header, which a bare endpoint does not read.
        command.Parameters.Add(new NpgsqlParameter { Value = "bench" });
        command.Parameters.Add(new NpgsqlParameter { Value = receipt.ReceivedAt });
        await command.ExecuteNonQueryAsync(httpContext.HttpContext?.RequestAborted ?? CancellationToken.None);
        return receipt;
    }

    public Task<ContactCourse> GetContactCourse(string cpr) => _canned.GetContactCourse(cpr);

    public Task<ServiceStatus> Ping() => _canned.Ping();

    // Not measured against this baseline, as in the canned service.
    public Task<RegistrationReceipt> CorrectInterview(string requestId, Guid registrationId, int version, string reason, InterviewRegistration registration) =>
        _canned.CorrectInterview(requestId, registrationId, version, reason, registration);

    public Task<RegistrationReceipt> CancelInterview(string requestId, Guid registrationId, int version, string reason) =>
        _canned.CancelInterview(requestId, registrationId, version, reason);

    public Task<InterviewHistory> GetInterview(Guid registrationId) => _canned.GetInterview(registrationId);

    public Task<RegistrationPage> ListRegistrations(string? cursor, int? maxCount) => _canned.ListRegistrations(cursor, maxCount);

    public Task<SupervisionReport> GetSupervisionReport(SupervisionQuery query) => _canned.GetSupervisionReport(query);

    public Task<OverdueCitizenPage> ListOverdueCitizens(OverdueQuery query, string? cursor, int? maxCount) => _canned.ListOverdueCitizens(query, cursor, maxCount);
}
