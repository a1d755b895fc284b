using Gateway.Contracts.CodeLists;
using Gateway.Domain.Registrations;

namespace Gateway.Data.Supervision;

/// <summary>
/// The SQL of the supervision figures, one query per figure of <see cref="Domain.Supervision.SupervisionFigures"/> and in
/// its order, over the same base sets (<see cref="BaseSets"/>): <c>live</c>, the latest version of every registration the authority is
/// responsible for, cancelled ones left out; <c>in_period</c>, those whose interview was held in the period, with the
/// late flag of their first version (lateness is judged when a registration is first received); <c>citizen_last</c>,
/// each citizen's latest registration held by the end of the period. Parameters: <c>@kind</c>, <c>@code</c>,
/// <c>@from</c>, <c>@to</c>, <c>@overdue</c> and <c>@limit</c> (months).
/// </summary>
/// <remarks>
/// The figures about citizens need the whole history of the authority (a citizen last seen two years ago is overdue still),
/// so <c>live</c> is made from narrow index entries only (<c>registration_version_responsible_idx</c> and
/// <c>registration_responsible_idx</c>, migration 0011), without the items; the items are read only for the registrations held in
/// the period, once, into one column per item (<see cref="PresenceColumns"/>), and for no other registration but the
/// citizens' last ones that may be overdue, through the partial index of the versions that give an end reason. See
/// docs/performance.md, "Supervision at scale", for what each step gave on 10 million registrations.
/// </remarks>
internal static class SupervisionQueries
{
    /// <summary>The items whose presence depends on what was registered: one boolean column each in <c>in_period</c>, named after the item.</summary>
    // Declared first: the static SQL below is made from it when the class is initialized.
    public static IReadOnlyList<RegistrationItem> PresenceColumns { get; } = [.. Enum.GetValues<RegistrationItem>().Where(i => Present(i) != "true")];

    /// <summary>
    /// Whether a version (its own columns, unqualified) lacks an item that is mandatory for its responsible authority's kind
    /// (<see cref="ItemRequirements"/>), as the report's "any mandatory item missing" judges it. Migration 0011 indexes the
    /// versions for which this holds (registration_version_missing_idx) with this very expression, as it read when written;
    /// should the requirements change, the planner no longer matches the index and reads the items instead: the figures stay
    /// right and only the overview gets slower, until a new migration indexes the new expression.
    /// </summary>
    // Declared before the static SQL made from it.
    public static string MissingMandatory { get; } = "(" + string.Join(" or ",
        new[] { AuthorityKind.Municipality, AuthorityKind.EmploymentServiceUnit }.Select(kind =>
            $"(responsible_kind = '{kind}' and not ({string.Join(" and ", Enum.GetValues<RegistrationItem>().Where(i => ItemRequirements.For(i, kind) == Requirement.Mandatory && PresenceColumns.Contains(i)).Select(Present))}))")) + ")";

    /// <summary>
    /// The latest version of every registration of the authority <paramref name="kind"/>/<paramref name="code"/> (SQL
    /// expressions), cancelled ones left out, with its late flag and its citizen: what the figures about citizens read of the
    /// whole history, from index entries only. Every version carries its registration's responsible authority (copied onto
    /// it by each write and by migration 0006), so naming the authority on the registration too changes no result; it lets
    /// the two index-only scans (registration_version_responsible_idx and registration_responsible_idx) be merged in
    /// registration order, where joining by id alone read the whole registration table.
    /// </summary>
    private static string Live(string kind, string code) => $"""
        select latest.registration_id, latest.version, latest.held_on, latest.received_at, latest.next_contact_on, latest.late, r.cpr
            from (
                select distinct on (v.registration_id) v.registration_id, v.version, v.change, v.held_on, v.received_at, v.next_contact_on, v.late
                from registration_version v
                where v.responsible_kind = {kind} and v.responsible_code = {code}
                order by v.registration_id, v.version desc
            ) latest
            join registration r on r.responsible_kind = {kind} and r.responsible_code = {code} and r.id = latest.registration_id
            where latest.change <> 'Cancelled'
        """;

    /// <summary>
    /// The base sets, made once per report as temporary tables that end with its transaction; every figure's query
    /// reads them. The items are read for the registrations held in the period only, once; a registration with one version
    /// is its own first version, so the first version is looked up only for the corrected ones. The memory for sorting and
    /// hashing is raised for this transaction only: the largest authorities' sets would otherwise be sorted on disk.
    /// </summary>
    public static readonly string BaseSets = $"""
        set local work_mem = '64MB';
        create temp table live on commit drop as
            {Live("@kind", "@code")};
        create temp table in_period on commit drop as
            select registration_id, cpr, held_on, received_at, next_contact_on, match_category, late, items->>'Type' as type, items->>'Form' as form,
                   {string.Join(", ", PresenceColumns.Select(c => $"{Present(c)} as \"{c}\""))}
            from (
                select l.registration_id, l.cpr, l.held_on, l.received_at, l.next_contact_on, v.match_category, v.items, {FirstLate("l", "@kind", "@code")} as late
                from live l
                join registration_version v on v.registration_id = l.registration_id and v.version = l.version
                where l.held_on between @from and @to
            ) p;
        create temp table citizen_last on commit drop as
            {CitizenLast("live", "@to")};
        """;

    /// <summary>Whether the registration's <c>items</c> hold the item, as <see cref="ItemRequirements.IsPresent"/> decides it in the domain.</summary>
    public static string Present(RegistrationItem item) => item switch
    {
        RegistrationItem.EmploymentGoals => "jsonb_array_length(coalesce(items->'EmploymentGoals', '[]')) > 0",
        RegistrationItem.RoughMatch => "jsonb_typeof(items->'RoughMatch') = 'object'",
        RegistrationItem.FurtherCourse => "(jsonb_array_length(coalesce(items->'FurtherCourse'->'Agreements', '[]')) > 0 or btrim(coalesce(items->'FurtherCourse'->>'NoAgreementReason', '')) <> '')",
        RegistrationItem.Offers => "jsonb_array_length(coalesce(items->'Offers', '[]')) > 0",
        RegistrationItem.NextContact => "(items->'NextContact'->>'PlannedOn' is not null or items->'NextContact'->>'EndReason' is not null)",
        RegistrationItem.JobSearchBehaviour => "jsonb_typeof(items->'JobSearchBehaviour') = 'object'",
        RegistrationItem.CitizenComments => "coalesce(items->>'CitizenComments', '') <> ''",
        // Items 1-4 and 9 are required elements of the contract: a registration always holds them.
        _ => "true",
    };

    /// <summary>Every figure of the report, in one round trip, once <see cref="BaseSets"/> has made the base sets.</summary>
    public static string Report(IEnumerable<RegistrationItem> mandatory, IEnumerable<RegistrationItem> voluntary) => $"""
        select type as Type, form as Form, count(*)::int as Interviews from in_period group by 1, 2 order by 1, 2;

        select count(*) filter (where held_on >= @from or next_contact_on >= @from)::int from citizen_last;

        select count(*)::int from citizen_last c
        where c.held_on < @to - make_interval(months => @overdue) and not {EndsCourse("c")};

        select count(*)::int as Total,
               count(*) filter (where late)::int as Late,
               count(*) filter (where next_contact_on > held_on + make_interval(months => @limit))::int as Beyond
        from in_period;

        select {Counts(mandatory)} from in_period;

        select count(*) filter (where not ({string.Join(" and ", mandatory.Select(Column).DefaultIfEmpty("true"))}))::int from in_period;

        select {Counts(voluntary)} from in_period;

        select match_category::int as Category, count(*)::int as Interviews from in_period group by 1 order by 1;

        with ordered as (
            select cpr, first_value(match_category) over w as first, last_value(match_category) over w as last, count(*) over (partition by cpr) as interviews
            from in_period
            window w as (partition by cpr order by held_on, received_at rows between unbounded preceding and unbounded following)
        ),
        citizen as (select distinct cpr, first, last from ordered where interviews >= 2)
        select count(*) filter (where last < first)::int as Closer, count(*) filter (where last > first)::int as Further,
               count(*) filter (where last = first)::int as Unchanged
        from citizen;

        with months as (select generate_series(date_trunc('month', @from::date), date_trunc('month', @to::date), interval '1 month')::date as first)
        select m.first as First, count(p.registration_id)::int as Interviews, count(p.registration_id) filter (where p.late)::int as Late
        from months m left join in_period p on date_trunc('month', p.held_on)::date = m.first
        group by m.first order by m.first;
        """;

    /// <summary>
    /// One line per registered municipality and Employment Service unit, in the order of the authority register: the
    /// figures of the overview, each as <see cref="Report"/> defines it, in one statement. Each authority's registrations are
    /// read as a report reads them, from index entries only, and nothing else is read of the table: the late flag comes with
    /// the entries, and whether a registration lacks a mandatory item from the partial index of those that do
    /// (<see cref="MissingMandatory"/>). Parameters: <c>@from</c>, <c>@to</c>, <c>@overdue</c> (months).
    /// </summary>
    public static readonly string Overview = $"""
        set local work_mem = '64MB';
        select a.kind as Kind, a.code as Code, a.name as Name, f.interviews as Interviews, f.in_course as InCourse, f.overdue as Overdue,
               f.late as Late, f.missing as Missing
        from authority a
        cross join lateral (
            with live as materialized ({Live("a.kind", "a.code")}),
            period as (
                select count(*)::int as interviews,
                       count(*) filter (where {FirstLate("l", "a.kind", "a.code")})::int as late,
                       count(*) filter (where exists (select 1 from registration_version m
                                                      where m.registration_id = l.registration_id and m.version = l.version and {MissingMandatory}))::int as missing
                from live l
                where l.held_on between @from and @to
            ),
            citizens as (
                select count(*) filter (where held_on >= @from or next_contact_on >= @from)::int as in_course,
                       count(*) filter (where held_on < @to - make_interval(months => @overdue) and not {EndsCourse("c")})::int as overdue
                from ({CitizenLast("live", "@to")}) c
            )
            select * from period, citizens
        ) f
        where a.kind in ('Municipality', 'EmploymentServiceUnit')
        order by a.kind, a.code;
        """;

    /// <summary>
    /// Each citizen's latest registration in <paramref name="live"/> held by <paramref name="to"/> (the latest interview date,
    /// then the latest received). The latest day is found by hashing and the registration held on it then picked among the
    /// few held that day, which is several times cheaper than sorting all the authority's registrations by citizen.
    /// </summary>
    private static string CitizenLast(string live, string to) => $"""
        select distinct on (l.cpr) l.cpr, l.registration_id, l.version, l.held_on, l.next_contact_on
                from {live} l
                join (select cpr, max(held_on) as held_on from {live} where held_on <= {to} group by cpr) d on d.cpr = l.cpr and d.held_on = l.held_on
                order by l.cpr, l.received_at desc
        """;

    // The late flag of the first version of the live row <alias> of authority kind/code: its own when it is the first
    // version, else that of version 1, from the index entry (registration_version_responsible_idx carries it).
    private static string FirstLate(string alias, string kind, string code) => $"""
        case when {alias}.version = 1 then {alias}.late
                 else (select f.late from registration_version f
                       where f.responsible_kind = {kind} and f.responsible_code = {code} and f.registration_id = {alias}.registration_id and f.version = 1) end
        """;

    // Whether the latest registration of the citizen row <alias> gives an end reason (its items' NextContact/EndReason), read
    // from the partial index of the versions that do (registration_version_ended_idx) rather than from each row's items.
    private static string EndsCourse(string alias) => $"""
        exists (select 1 from registration_version e
                where e.registration_id = {alias}.registration_id and e.version = {alias}.version and e.items->'NextContact'->>'EndReason' is not null)
        """;

    // The presence column of an item in in_period, or true for the items a registration always holds.
    private static string Column(RegistrationItem item) => PresenceColumns.Contains(item) ? $"\"{item}\"" : "true";

    /// <summary>
    /// The overdue list on <c>@asOf</c> (<see cref="Domain.Supervision.SupervisionFigures.Overdue"/>, as the report's overdue figure
    /// judges it on its last day), as a temporary table that ends with the transaction. Parameters: <c>@kind</c>,
    /// <c>@code</c>, <c>@asOf</c>, <c>@overdue</c> (months).
    /// </summary>
    public static readonly string OverdueSet = $"""
        set local work_mem = '64MB';
        create temp table overdue on commit drop as
            with live as materialized ({Live("@kind", "@code")})
            select c.cpr, c.registration_id, c.held_on, c.next_contact_on
            from ({CitizenLast("live", "@asOf")}) c
            where c.held_on < @asOf - make_interval(months => @overdue) and not {EndsCourse("c")};
        """;

    /// <summary>
    /// Once <see cref="OverdueSet"/> has made the list: its size, then one page of <c>@take</c> citizens after the
    /// position <c>(@afterHeld, @afterId)</c>, most overdue first.
    /// </summary>
    public const string OverduePage = """
        select count(*)::int from overdue;
        select cpr as Cpr, registration_id as RegistrationId, held_on as LastInterviewOn, next_contact_on as NextContactOn
        from overdue
        where (held_on, registration_id) > (@afterHeld, @afterId)
        order by held_on, registration_id
        limit @take;
        """;

    // One column per item, named after it: how many registrations in the period hold it. With no items, an aggregate all
    // the same: a bare constant would give one row per registration in the period, and the report reads exactly one.
    private static string Counts(IEnumerable<RegistrationItem> items)
    {
        var columns = items.Select(i => $"count(*) filter (where {Column(i)})::int as \"{i}\"").ToList();
        return columns.Count == 0 ? "count(*) filter (where false)::int as \"none\"" : string.Join(", ", columns);
    }
}
