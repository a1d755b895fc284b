using Gateway.Contracts.CodeLists;
using Gateway.Domain.Agreements;
using Gateway.Domain.Identifiers;

namespace Gateway.Data.Agreements;

/// <summary>How agreements are read from their rows: one query shape shared by the gateway and the CLI.</summary>
internal static class AgreementRows
{
    public const string Select = """
        select a.id as Id, a.authority_kind as AuthorityKind, a.authority_code as AuthorityCode, a.it_system_id as ItSystemId,
               a.operations as Operations, a.case_types as CaseTypes, a.read_scope as ReadScope, a.supervision_scope as SupervisionScope,
               a.overdue_cpr as OverdueCpr, a.environment as Environment,
               a.valid_from as ValidFrom, a.valid_to as ValidTo, a.status as Status, a.contact as Contact,
               a.contract_reference as ContractReference, a.channel as Channel,
               coalesce((select array_agg(p.kind || ':' || p.code order by p.kind, p.code) from agreement_principal p where p.agreement_id = a.id), '{}') as Principals
        from agreement a
        """;

    public static Agreement ToAgreement(Row row) => new()
    {
        Id = row.Id,
        Authority = new AuthorityId(Enum.Parse<AuthorityKind>(row.AuthorityKind), row.AuthorityCode),
        Principals = [.. row.Principals.Select(ParseAuthority)],
        ItSystemId = row.ItSystemId,
        Operations = row.Operations.ToHashSet(StringComparer.Ordinal),
        CaseTypes = row.CaseTypes.Select(Enum.Parse<CaseType>).ToHashSet(),
        ReadScope = Enum.Parse<ReadScope>(row.ReadScope),
        SupervisionScope = Enum.Parse<SupervisionScope>(row.SupervisionScope),
        OverdueCpr = row.OverdueCpr,
        Environment = Enum.Parse<GatewayEnvironment>(row.Environment),
        ValidFrom = row.ValidFrom,
        ValidTo = row.ValidTo,
        Status = Enum.Parse<AgreementStatus>(row.Status),
        Contact = row.Contact,
        ContractReference = row.ContractReference,
        Channel = Enum.Parse<RegistrationChannel>(row.Channel),
    };

    /// <summary>The <c>operations</c> column's value: the names in ordinal order, so that equal sets are stored alike.</summary>
    public static string[] OperationsColumn(IEnumerable<string> operations) => [.. operations.Order(StringComparer.Ordinal)];

    /// <summary>The <c>case_types</c> column's value: the names in ordinal order.</summary>
    public static string[] CaseTypesColumn(IEnumerable<CaseType> caseTypes) => [.. caseTypes.Select(c => c.ToString()).Order(StringComparer.Ordinal)];

    /// <summary>Parses <c>Kind:Code</c>.</summary>
    public static AuthorityId ParseAuthority(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return new AuthorityId(Enum.Parse<AuthorityKind>(value[..colon]), value[(colon + 1)..]);
    }

    // A class, not a positional record: Npgsql reports text[] columns as System.Array, which Dapper's constructor
    // matching refuses, while property setters take them.
    public sealed class Row
    {
        public Guid Id { get; init; }

        public string AuthorityKind { get; init; } = "";

        public string AuthorityCode { get; init; } = "";

        public Guid ItSystemId { get; init; }

        public string[] Operations { get; init; } = [];

        public string[] CaseTypes { get; init; } = [];

        public string ReadScope { get; init; } = "";

        public string SupervisionScope { get; init; } = "";

        public bool OverdueCpr { get; init; }

        public string Environment { get; init; } = "";

        public DateOnly ValidFrom { get; init; }

        public DateOnly? ValidTo { get; init; }

        public string Status { get; init; } = "";

        public string? Contact { get; init; }

        public string? ContractReference { get; init; }

        public string Channel { get; init; } = "";

        public string[] Principals { get; init; } = [];
    }
}
