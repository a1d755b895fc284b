using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Domain.Registrations;

/// <summary>
/// What makes two writes "the same content" for idempotency: the operation, who asks (acting authority, principal,
/// case worker) and every registered item. The call id is left out on purpose: a retry is a new call of the same write.
/// </summary>
public static class RequestFingerprint
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The fingerprint of a RegisterInterview write.</summary>
    public static string OfRegistration(Caller caller, Interview interview) =>
        Hash(JsonSerializer.SerializeToUtf8Bytes(new { Operation = "RegisterInterview", caller.ActingAuthority, caller.Principal, caller.CaseWorkerId, interview }, Options));

    /// <summary>The fingerprint of a CorrectInterview write.</summary>
    public static string OfCorrection(Caller caller, Guid registrationId, int version, string reason, Interview interview) =>
        Hash(JsonSerializer.SerializeToUtf8Bytes(new { Operation = "CorrectInterview", caller.ActingAuthority, caller.Principal, caller.CaseWorkerId, registrationId, version, reason, interview }, Options));

    /// <summary>The fingerprint of a CancelInterview write.</summary>
    public static string OfCancellation(Caller caller, Guid registrationId, int version, string reason) =>
        Hash(JsonSerializer.SerializeToUtf8Bytes(new { Operation = "CancelInterview", caller.ActingAuthority, caller.Principal, caller.CaseWorkerId, registrationId, version, reason }, Options));

    private static string Hash(byte[] content) => Convert.ToHexString(SHA256.HashData(content));
}
