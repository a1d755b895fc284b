using Gateway.Domain.Agreements;

namespace Gateway.Host.Pipeline.Authorize;

/// <summary>What the authorize stage established: the agreement that admits the call, and the caller's context.</summary>
internal sealed record Admission(Agreement Agreement, CallerContext Context);
