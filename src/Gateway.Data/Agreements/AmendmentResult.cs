using Gateway.Domain.Agreements;

namespace Gateway.Data.Agreements;

/// <summary>
/// The result of an amendment: the agreement after it and each field it changed; or, when the agreement was changed by
/// someone else after the amendment was decided on, a null <paramref name="Agreement"/> and nothing changed.
/// </summary>
/// <param name="Agreement">The agreement as amended, or null.</param>
/// <param name="Changes">Each field changed, before and after; empty when nothing was changed.</param>
public sealed record AmendmentResult(Agreement? Agreement, IReadOnlyList<AgreementChange> Changes);
