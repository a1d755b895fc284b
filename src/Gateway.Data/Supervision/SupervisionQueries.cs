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
internal static class SupervisionQueries
{
    /// <summary>
    /// The base sets, made once per report as temporary tables that end with its transaction; every figure's query
    /// reads them.
    /// </summary>
    public const string BaseSets = """
        create temp table live on commit drop as
            select * from (
                select distinct on (v.registration_id) v.registration_id, v.change, v.held_on, v.match_category, v.next_contact_on,
                       v.received_at, v.items, r.cpr
                from registration_version v
                join registration r on r.id = v.registration_id
                where v.responsible_kind = @kind and v.responsible_code = @code
                order by v.registration_id, v.version desc
            ) latest
            where change <> 'Cancelled';
        create temp table in_period on commit drop as
            select l.*, first.late
            from live l
            join registration_version first on first.registration_id = l.registration_id and first.version = 1
            where l.held_on between @from and @to;
        create temp table citizen_last on commit drop as
            select distinct on (cpr) cpr, held_on, next_contact_on, items
            from live
            where held_on <= @to
            order by cpr, held_on desc, received_at desc;
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
        select items->>'Type' as Type, items->>'Form' as Form, count(*)::int as Interviews from in_period group by 1, 2 order by 1, 2;

        select count(*) filter (where held_on >= @from or next_contact_on >= @from)::int from citizen_last;

        select count(*)::int from citizen_last
        where held_on < @to - make_interval(months => @overdue) and items->'NextContact'->>'EndReason' is null;

        select count(*)::int as Total,
               count(*) filter (where late)::int as Late,
               count(*) filter (where next_contact_on > held_on + make_interval(months => @limit))::int as Beyond
        from in_period;

        select {Counts(mandatory)} from in_period;

        select count(*) filter (where not ({string.Join(" and ", mandatory.Select(Present).DefaultIfEmpty("true"))}))::int from in_period;

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
    /// The overdue list on <c>@asOf</c> (<see cref="Domain.Supervision.SupervisionFigures.Overdue"/>, as the report's overdue figure
    /// judges it on its last day), as a temporary table that ends with the transaction. Parameters: <c>@kind</c>,
    /// <c>@code</c>, <c>@asOf</c>, <c>@overdue</c> (months).
    /// </summary>
    public const string OverdueSet = """
        create temp table overdue on commit drop as
            select cpr, registration_id, held_on, next_contact_on
            from (
                select distinct on (cpr) cpr, registration_id, held_on, next_contact_on, items
                from (
                    select distinct on (v.registration_id) v.registration_id, v.change, v.held_on, v.next_contact_on,
                           v.received_at, v.items, r.cpr
                    from registration_version v
                    join registration r on r.id = v.registration_id
                    where v.responsible_kind = @kind and v.responsible_code = @code
                    order by v.registration_id, v.version desc
                ) latest
                where change <> 'Cancelled' and held_on <= @asOf
                order by cpr, held_on desc, received_at desc
            ) citizen_last
            where held_on < @asOf - make_interval(months => @overdue) and items->'NextContact'->>'EndReason' is null;
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
        var columns = items.Select(i => $"count(*) filter (where {Present(i)})::int as \"{i}\"").ToList();
        return columns.Count == 0 ? "count(*) filter (where false)::int as \"none\"" : string.Join(", ", columns);
    }
}
