using Gateway.Contracts.CodeLists;
using Gateway.Domain.Registrations;

namespace Gateway.Data.Supervision;

/// <summary>
/// The SQL of the supervision figures, one query per figure of <see cref="Domain.Supervision.SupervisionFigures"/> and in
/// its order, over two base sets (<see cref="BaseSets"/>): <c>in_period</c>, the registrations the authority is
/// responsible for whose interview was held in the period, in their latest version, cancelled ones left out, with the late
/// flag of their first version (lateness is judged when a registration is first received); <c>citizen_last</c>, each
/// citizen's latest registration with the authority held by the end of the period. Parameters: <c>@kind</c>,
/// <c>@code</c>, <c>@from</c>, <c>@to</c>, <c>@overdue</c> and <c>@limit</c> (months).
/// </summary>
/// <remarks>
/// Both sets are read from <c>supervision_fact</c> (migration 0012), which every write keeps in its own transaction: one
/// narrow row per registration that is not cancelled, its latest version's interview date, next contact, end of course,
/// match category, type, form and whether each item that may be missing is there, and the interview dates of the same
/// citizen's previous and next registrations with the same authority (<c>prev_held</c>, <c>next_held</c>). A citizen's
/// last registration on a day is then the fact held on or before it whose <c>next_held</c> lies after it, and the first of
/// a period the one in it whose <c>prev_held</c> lies before it, so the figures about citizens read one index entry per
/// citizen and none of their other registrations, and nothing reads the items. See docs/performance.md,
/// "Supervision at scale", for what this gave on 10 million registrations.
/// </remarks>
internal static class SupervisionQueries
{
    /// <summary>The column of <c>supervision_fact</c> that says whether a registration holds an item that may be missing.</summary>
    public static IReadOnlyDictionary<RegistrationItem, string> PresenceColumns { get; } = new Dictionary<RegistrationItem, string>
    {
        [RegistrationItem.EmploymentGoals] = "has_employment_goals",
        [RegistrationItem.RoughMatch] = "has_rough_match",
        [RegistrationItem.FurtherCourse] = "has_further_course",
        [RegistrationItem.Offers] = "has_offers",
        [RegistrationItem.NextContact] = "has_next_contact",
        [RegistrationItem.JobSearchBehaviour] = "has_job_search",
        [RegistrationItem.CitizenComments] = "has_citizen_comments",
    };

    /// <summary>
    /// Whether a fact (its own columns, unqualified) lacks an item that is mandatory for its responsible authority's kind,
    /// as <see cref="ItemRequirements"/> has it: the report's and the overview's "any mandatory item missing".
    /// </summary>
    // Declared before the static SQL made from it.
    private static string MissingMandatory { get; } = "(" + string.Join(" or ",
        new[] { AuthorityKind.Municipality, AuthorityKind.EmploymentServiceUnit }.Select(kind =>
            $"(responsible_kind = '{kind}' and not ({string.Join(" and ", Enum.GetValues<RegistrationItem>().Where(i => ItemRequirements.For(i, kind) == Requirement.Mandatory).Select(Column))}))")) + ")";

    // The registrations of the authority kind/code (SQL expressions) held in the period, from supervision_fact_period_idx.
    private static string Period(string kind, string code) => $"""
        select cpr, registration_id, held_on, prev_held, next_held, next_contact_on, late, via_tool, match_category, interview_type, interview_form,
               {string.Join(", ", PresenceColumns.Values)}
        from supervision_fact
        where responsible_kind = {kind} and responsible_code = {code} and held_on between @from and @to
        """;

    // Each citizen's last registration with the authority kind/code held by the day (an SQL expression), from
    // supervision_fact_last_idx: the fact held by then whose successor, if any, was held after it.
    private static string CitizenLast(string kind, string code, string day) => $"""
        select cpr, registration_id, held_on, next_contact_on, ends_course
        from supervision_fact
        where responsible_kind = {kind} and responsible_code = {code} and next_held > {day} and held_on <= {day}
        """;

    /// <summary>
    /// The base sets, made once per report as temporary tables that end with its transaction; every figure's query reads
    /// them. The memory for sorting and hashing is raised for this transaction only: the largest authorities' sets would
    /// otherwise be sorted on disk.
    /// </summary>
    public static readonly string BaseSets = $"""
        set local work_mem = '64MB';
        create temp table in_period on commit drop as
            {Period("@kind", "@code")};
        create temp table citizen_last on commit drop as
            {CitizenLast("@kind", "@code", "@to")};
        """;

    /// <summary>Every figure of the report, in one round trip, once <see cref="BaseSets"/> has made the base sets.</summary>
    public static string Report(IEnumerable<RegistrationItem> mandatory, IEnumerable<RegistrationItem> voluntary) => $"""
        select interview_type as Type, interview_form as Form, count(*)::int as Interviews from in_period group by 1, 2 order by 1, 2;

        select count(*) filter (where held_on >= @from or next_contact_on >= @from)::int from citizen_last;

        select count(*)::int from citizen_last c
        where c.held_on < @to - make_interval(months => @overdue) and not c.ends_course;

        select count(*)::int as Total,
               count(*) filter (where late)::int as Late,
               count(*) filter (where next_contact_on > held_on + make_interval(months => @limit))::int as Beyond,
               count(*) filter (where via_tool)::int as Tool
        from in_period;

        select {Counts(mandatory)} from in_period;

        select count(*) filter (where not ({string.Join(" and ", mandatory.Select(Column).DefaultIfEmpty("true"))}))::int from in_period;

        select {Counts(voluntary)} from in_period;

        select match_category::int as Category, count(*)::int as Interviews from in_period group by 1 order by 1;

        select count(*) filter (where l.match_category < f.match_category)::int as Closer,
               count(*) filter (where l.match_category > f.match_category)::int as Further,
               count(*) filter (where l.match_category = f.match_category)::int as Unchanged
        from in_period f
        join in_period l on l.cpr = f.cpr and l.registration_id <> f.registration_id
        where f.prev_held < @from and l.next_held > @to;

        with months as (select generate_series(date_trunc('month', @from::date), date_trunc('month', @to::date), interval '1 month')::date as first),
        counted as (select date_trunc('month', held_on)::date as first, count(*)::int as interviews, count(*) filter (where late)::int as late
                    from in_period group by 1)
        select m.first as First, coalesce(c.interviews, 0) as Interviews, coalesce(c.late, 0) as Late
        from months m left join counted c using (first)
        order by m.first;
        """;

    /// <summary>
    /// One line per registered municipality and Employment Service unit, in the order of the authority register: the
    /// figures of the overview, each as <see cref="Report"/> defines it, in one statement, from the facts' index entries
    /// alone. Parameters: <c>@from</c>, <c>@to</c>, <c>@overdue</c> (months).
    /// </summary>
    public static readonly string Overview = $"""
        set local work_mem = '64MB';
        select a.kind as Kind, a.code as Code, a.name as Name, p.interviews as Interviews, c.in_course as InCourse, c.overdue as Overdue,
               p.late as Late, p.missing as Missing, p.tool as Tool
        from authority a
        cross join lateral (
            select count(*)::int as interviews, count(*) filter (where late)::int as late, count(*) filter (where {MissingMandatory})::int as missing,
                   count(*) filter (where via_tool)::int as tool
            from supervision_fact
            where responsible_kind = a.kind and responsible_code = a.code and held_on between @from and @to
        ) p
        cross join lateral (
            select count(*) filter (where held_on >= @from or next_contact_on >= @from)::int as in_course,
                   count(*) filter (where held_on < @to - make_interval(months => @overdue) and not ends_course)::int as overdue
            from ({CitizenLast("a.kind", "a.code", "@to")}) l
        ) c
        where a.kind in ('Municipality', 'EmploymentServiceUnit')
        order by a.kind, a.code;
        """;

    // The presence column of an item, or true for the items a registration always holds.
    private static string Column(RegistrationItem item) => PresenceColumns.TryGetValue(item, out var column) ? column : "true";

    /// <summary>
    /// The overdue list on <c>@asOf</c> (<see cref="Domain.Supervision.SupervisionFigures.Overdue"/>, as the report's overdue
    /// figure judges it on its last day): its size, then one page of <c>@take</c> citizens after the position
    /// <c>(@afterHeld, @afterId)</c>, most overdue first. Parameters: <c>@kind</c>, <c>@code</c>, <c>@asOf</c>,
    /// <c>@overdue</c> (months), <c>@afterHeld</c>, <c>@afterId</c>, <c>@take</c>.
    /// </summary>
    public static readonly string OverduePage = $"""
        set local work_mem = '64MB';
        select count(*)::int from ({Overdue}) o;
        select cpr as Cpr, registration_id as RegistrationId, held_on as LastInterviewOn, next_contact_on as NextContactOn
        from ({Overdue}) o
        where (held_on, registration_id) > (@afterHeld, @afterId)
        order by held_on, registration_id
        limit @take;
        """;

    // The overdue citizens on @asOf: their last registration held more than @overdue months before and giving no end reason.
    private static string Overdue => $"""
        {CitizenLast("@kind", "@code", "@asOf")}
            and held_on < @asOf - make_interval(months => @overdue) and not ends_course
        """;

    // One column per item, named after it: how many registrations in the period hold it. With no items, an aggregate all
    // the same: a bare constant would give one row per registration in the period, and the report reads exactly one.
    private static string Counts(IEnumerable<RegistrationItem> items)
    {
        var columns = items.Select(i => $"count(*) filter (where {Column(i)})::int as \"{i}\"").ToList();
        return columns.Count == 0 ? "count(*) filter (where false)::int as \"none\"" : string.Join(", ", columns);
    }
}
