using Gateway.Contracts.CodeLists;

namespace Gateway.Domain.Agreements;

/// <summary>What an operator asks to change in an existing agreement; a field left null stays as it is.</summary>
public sealed record AgreementAmendment
{
    /// <summary>The full new set of operations.</summary>
    public IReadOnlySet<string>? Operations { get; init; }

    /// <summary>The full new set of case types.</summary>
    public IReadOnlySet<CaseType>? CaseTypes { get; init; }

    /// <summary>The new read scope.</summary>
    public ReadScope? ReadScope { get; init; }

    /// <summary>The new first day.</summary>
    public DateOnly? ValidFrom { get; init; }

    /// <summary>The new last day, or none for no end date.</summary>
    public Replacement<DateOnly?>? ValidTo { get; init; }

    /// <summary>The new contact, or none.</summary>
    public Replacement<string?>? Contact { get; init; }

    /// <summary>The new contract reference, or none.</summary>
    public Replacement<string?>? ContractReference { get; init; }

    /// <summary>Whether it asks for no field at all.</summary>
    public bool AsksNothing =>
        Operations is null && CaseTypes is null && ReadScope is null && ValidFrom is null && ValidTo is null && Contact is null && ContractReference is null;

    /// <summary>The agreement before and after this amendment; whether the change may be made is the revision's to say.</summary>
    public AgreementRevision Revise(Agreement agreement) => new(agreement, agreement with
    {
        Operations = Operations ?? agreement.Operations,
        CaseTypes = CaseTypes ?? agreement.CaseTypes,
        ReadScope = ReadScope ?? agreement.ReadScope,
        ValidFrom = ValidFrom ?? agreement.ValidFrom,
        ValidTo = ValidTo is { } to ? to.Value : agreement.ValidTo,
        Contact = Contact is { } contact ? contact.Value : agreement.Contact,
        ContractReference = ContractReference is { } reference ? reference.Value : agreement.ContractReference,
    });
}
