-- Supervision from the write transaction (docs/performance.md, "Supervision at scale"): the figures about citizens need
-- every registration an authority is responsible for, in its latest version, over the whole history, and at 10 million
-- registrations reading that at report time took 10 s for the largest municipality and 47 s for the overview. The
-- supervision fact is that latest version, kept by the write that makes it: one narrow row per registration that is not
-- cancelled, with what the figures read of it, and the interview dates of the same citizen's previous and next
-- registrations with the same authority, so that a citizen's last registration on any day, and the first and last of a
-- period, are found without reading the citizen's others.
--
-- It is derived, not history: every row can be made again from registration_version (supervision_fact_rebuild below,
-- which this migration runs to fill the table from the rows already there).

create table supervision_fact (
    responsible_kind       text        not null,
    responsible_code       text        not null,
    cpr                    char(10)    not null,
    registration_id        uuid        not null,
    -- The latest version, when it was received, and the interview it describes.
    version                integer     not null,
    received_at            timestamptz not null,
    held_on                date        not null,
    -- The interview dates of the previous and the next registration of the same citizen with the same authority, in the
    -- order of interview date, then time received, then id; '-infinity' and 'infinity' when there is none. The citizen's
    -- last registration on a day is the one with held_on on or before it and next_held after it; the first of a period
    -- the one in it with prev_held before it.
    prev_held              date        not null default '-infinity',
    next_held              date        not null default 'infinity',
    next_contact_on        date,
    -- Item 10 gives an end reason: the course ended.
    ends_course            boolean     not null,
    -- The late flag of the first version: lateness is judged when a registration is first received.
    late                   boolean     not null,
    match_category         smallint    not null,
    interview_type         text        not null,
    interview_form         text        not null,
    -- Whether the items that may be missing are there (items 1-4 and 9 always are), as ItemRequirements.IsPresent
    -- decides it in the domain; SupervisionFactTests holds the two to the same answers.
    has_employment_goals   boolean     not null,
    has_rough_match        boolean     not null,
    has_further_course     boolean     not null,
    has_offers             boolean     not null,
    has_next_contact       boolean     not null,
    has_job_search         boolean     not null,
    has_citizen_comments   boolean     not null,
    primary key (responsible_kind, responsible_code, cpr, registration_id)
);

-- The fact of one version, from its own columns and items; the late flag is passed (the first version's).
create function supervision_fact_of(v registration_version, cpr char(10), first_late boolean) returns supervision_fact
language sql immutable as $$
    select row(
        v.responsible_kind, v.responsible_code, cpr, v.registration_id, v.version, v.received_at, v.held_on, '-infinity'::date, 'infinity'::date,
        v.next_contact_on,
        v.items -> 'NextContact' ->> 'EndReason' is not null,
        first_late, v.match_category, v.items ->> 'Type', v.items ->> 'Form',
        jsonb_array_length(coalesce(v.items -> 'EmploymentGoals', '[]')) > 0,
        coalesce(jsonb_typeof(v.items -> 'RoughMatch') = 'object', false),
        jsonb_array_length(coalesce(v.items -> 'FurtherCourse' -> 'Agreements', '[]')) > 0
            or btrim(coalesce(v.items -> 'FurtherCourse' ->> 'NoAgreementReason', '')) <> '',
        jsonb_array_length(coalesce(v.items -> 'Offers', '[]')) > 0,
        v.items -> 'NextContact' ->> 'PlannedOn' is not null or v.items -> 'NextContact' ->> 'EndReason' is not null,
        coalesce(jsonb_typeof(v.items -> 'JobSearchBehaviour') = 'object', false),
        coalesce(v.items ->> 'CitizenComments', '') <> ''
    )::supervision_fact
$$;

-- Sets prev_held and next_held on the facts of one citizen with one authority (a few rows) where they are not what
-- their order gives.
create function supervision_fact_relink(kind text, code text, citizen char(10)) returns void
language sql as $$
    update supervision_fact f
       set prev_held = n.prev_held, next_held = n.next_held
      from (select registration_id,
                   coalesce(lag(held_on) over w, '-infinity') as prev_held,
                   coalesce(lead(held_on) over w, 'infinity') as next_held
              from supervision_fact
             where responsible_kind = kind and responsible_code = code and cpr = citizen
            window w as (order by held_on, received_at, registration_id)) n
     where f.responsible_kind = kind and f.responsible_code = code and f.cpr = citizen
       and f.registration_id = n.registration_id and (f.prev_held <> n.prev_held or f.next_held <> n.next_held)
$$;

-- Run by every new version, in the write's transaction: the registration's fact becomes that of its latest version (or
-- goes, when it is cancelled) and the citizen's facts with that authority are linked again. Two writes for the same
-- citizen and authority at once are serialized by an advisory lock on them taken here, and every query below sees what
-- the other committed (a function's queries each take a new snapshot), so neither links from a stale set. The lock's
-- first key (1397773650, 'SUPR') keeps it apart from the gateway's other locks, which take one bigint key.
create function supervision_fact_maintain() returns trigger
language plpgsql as $$
declare
    citizen char(10);
    first_late boolean;
    fact supervision_fact;
begin
    select r.cpr into citizen from registration r where r.id = new.registration_id;
    perform pg_advisory_xact_lock(1397773650, hashtext(new.responsible_kind || ':' || new.responsible_code || ':' || citizen));
    delete from supervision_fact
     where responsible_kind = new.responsible_kind and responsible_code = new.responsible_code and cpr = citizen
       and registration_id = new.registration_id;
    if new.change <> 'Cancelled' then
        if new.version = 1 then
            first_late := new.late;
        else
            select f.late into first_late from registration_version f where f.registration_id = new.registration_id and f.version = 1;
        end if;
        -- Linked as it goes in, so that linking again below changes only its neighbours (one row, when it is the latest).
        fact := supervision_fact_of(new, citizen, first_late);
        select coalesce(max(s.held_on), '-infinity') into fact.prev_held from supervision_fact s
         where s.responsible_kind = fact.responsible_kind and s.responsible_code = fact.responsible_code and s.cpr = citizen
           and (s.held_on, s.received_at, s.registration_id) < (fact.held_on, fact.received_at, fact.registration_id);
        select coalesce(min(s.held_on), 'infinity') into fact.next_held from supervision_fact s
         where s.responsible_kind = fact.responsible_kind and s.responsible_code = fact.responsible_code and s.cpr = citizen
           and (s.held_on, s.received_at, s.registration_id) > (fact.held_on, fact.received_at, fact.registration_id);
        insert into supervision_fact values (fact.*);
    end if;
    perform supervision_fact_relink(new.responsible_kind, new.responsible_code, citizen);
    return null;
end;
$$;

create trigger registration_version_supervision_fact
    after insert on registration_version
    for each row execute function supervision_fact_maintain();

-- Makes every fact again from the versions (run below; the benchmark runs it after loading without the trigger). Versions
-- are numbered 1, 2, 3 ... per registration, so the latest is the one with no successor.
create function supervision_fact_rebuild() returns bigint
language plpgsql as $$
declare
    made bigint;
begin
    -- Every fact is made in one sort by authority and citizen; more memory than the default keeps most of it off disk.
    perform set_config('work_mem', '256MB', true);
    truncate supervision_fact;
    insert into supervision_fact
    select f.responsible_kind, f.responsible_code, f.cpr, f.registration_id, f.version, f.received_at, f.held_on,
           coalesce(lag(f.held_on) over w, '-infinity'), coalesce(lead(f.held_on) over w, 'infinity'),
           f.next_contact_on, f.ends_course, f.late, f.match_category, f.interview_type, f.interview_form,
           f.has_employment_goals, f.has_rough_match, f.has_further_course, f.has_offers, f.has_next_contact, f.has_job_search,
           f.has_citizen_comments
      from registration_version v
      join registration r on r.id = v.registration_id
      cross join lateral supervision_fact_of(v, r.cpr,
          case when v.version = 1 then v.late
               else (select v1.late from registration_version v1 where v1.registration_id = v.registration_id and v1.version = 1) end) f
     where v.change <> 'Cancelled'
       and not exists (select 1 from registration_version n where n.registration_id = v.registration_id and n.version = v.version + 1)
    window w as (partition by f.responsible_kind, f.responsible_code, f.cpr order by f.held_on, f.received_at, f.registration_id);
    get diagnostics made = row_count;
    return made;
end;
$$;

select supervision_fact_rebuild();

-- The registrations of an authority held in a period, with everything the period's figures count (index-only scans).
create index supervision_fact_period_idx
    on supervision_fact (responsible_kind, responsible_code, held_on)
    include (cpr, registration_id, received_at, prev_held, next_held, next_contact_on, late, match_category, interview_type, interview_form,
             has_employment_goals, has_rough_match, has_further_course, has_offers, has_next_contact, has_job_search, has_citizen_comments);

-- Each citizen's last registration with an authority on a day: next_held after the day (and held_on on or before it).
create index supervision_fact_last_idx
    on supervision_fact (responsible_kind, responsible_code, next_held)
    include (held_on, next_contact_on, ends_course, cpr, registration_id);

analyze supervision_fact;

-- The indexes of migration 0011 served the figures read at report time; the facts serve them now.
drop index registration_version_responsible_idx;
drop index registration_responsible_idx;
drop index registration_version_ended_idx;
drop index registration_version_missing_idx;
