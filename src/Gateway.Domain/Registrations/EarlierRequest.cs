namespace Gateway.Domain.Registrations;

/// <summary>A write already stored under a request id: what it asked for, and the receipt it got.</summary>
/// <param name="Fingerprint">The fingerprint of its content as stored, in whichever form the release that stored it used (see <see cref="RequestFingerprint"/>).</param>
/// <param name="Receipt">The receipt it was answered with.</param>
public sealed record EarlierRequest(string Fingerprint, Receipt Receipt);
