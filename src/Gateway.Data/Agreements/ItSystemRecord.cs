namespace Gateway.Data.Agreements;

/// <summary>A registered IT system.</summary>
public sealed record ItSystemRecord(Guid Id, string Name, string VendorCvr);
