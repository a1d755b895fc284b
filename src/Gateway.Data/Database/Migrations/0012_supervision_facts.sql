-- Supervision from facts (docs/performance.md, "Supervision at scale"): the figures about citizens need every registration
-- an authority is responsible for, in its latest version, over the whole history, and at 10 million registrations reading
-- that at report time took 10 s for the largest municipality and 47 s for the overview. The supervision fact is that
-- latest version: one narrow row per registration that is not cancelled, with what the figures read of it, and the
-- interview dates of the same citizen's previous and next registrations with the same authority, so that a citizen's
-- last registration on any day, and the first and last of a period, are found without reading the citizen's others.
--
-- The facts are a projection, kept off the write path: a write only notes its registration in supervision_pending (in
-- its own statement, so nothing is missed), and supervision_fact_apply makes the facts of the citizens noted again, in
-- batches, from the background every second and before every supervision read. A trigger that kept them in the write
-- transaction measured at half the RegisterInterview throughput on the reference machine; see performance.md.
--
-- Facts are derived, not history: every row can be made again from registration_version (supervision_fact_rebuild
-- below, which this migration runs to fill the table from the rows already there).

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
language plpgsql immutable as $$
begin
    return row(
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
    )::supervision_fact;
end;
$$;

-- The registrations written since their facts were last made: the write statement adds its registration here.
create table supervision_pending (
    registration_id uuid primary key
);

-- A scratch list of the citizens whose facts one apply makes again (kept per session, emptied at every commit).
create function supervision_touched_list() returns void
language plpgsql as $$
begin
    if to_regclass('pg_temp.supervision_touched') is not null then
        return;
    end if;
    create temp table supervision_touched (
        responsible_kind text not null,
        responsible_code text not null,
        cpr char(10) not null,
        primary key (responsible_kind, responsible_code, cpr)
    ) on commit delete rows;
end;
$$;

-- Makes the facts of up to batch noted registrations' citizens again, whole (a citizen has a few registrations with one
-- authority, so their links are made with the rest): the citizens' facts go, and those of their registrations' latest
-- versions that are not cancelled come back, linked in order. Returns how many noted registrations it took. Instances
-- take turns on an advisory lock (first key 1397773650, 'SUPR'; the gateway's other locks take one bigint key), so
-- two applies never make the same citizen at once; what a write notes while an apply runs waits for the next one.
create function supervision_fact_apply(batch integer) returns integer
language plpgsql as $$
declare
    taken integer;
begin
    -- Nothing noted (the usual case for a read): no lock, no scratch list.
    if not exists (select 1 from supervision_pending) then
        return 0;
    end if;
    perform pg_advisory_xact_lock(1397773650, 0);
    perform supervision_touched_list();
    with noted as (
        delete from supervision_pending
         where registration_id in (select registration_id from supervision_pending limit batch)
        returning registration_id
    ),
    citizens as (
        insert into supervision_touched
        select distinct r.responsible_kind, r.responsible_code, r.cpr
          from noted n join registration r on r.id = n.registration_id
        on conflict do nothing
    )
    select count(*) into taken from noted;
    if taken = 0 then
        return 0;
    end if;

    -- The statement of supervision_fact_rebuild below, for the touched citizens only (joined first, so that only their
    -- registrations are read); SupervisionFactTests holds the two to the same facts.
    delete from supervision_fact f
     using supervision_touched t
     where f.responsible_kind = t.responsible_kind and f.responsible_code = t.responsible_code and f.cpr = t.cpr;
    insert into supervision_fact
    select f.responsible_kind, f.responsible_code, f.cpr, f.registration_id, f.version, f.received_at, f.held_on,
           coalesce(lag(f.held_on) over w, '-infinity'), coalesce(lead(f.held_on) over w, 'infinity'),
           f.next_contact_on, f.ends_course, f.late, f.match_category, f.interview_type, f.interview_form,
           f.has_employment_goals, f.has_rough_match, f.has_further_course, f.has_offers, f.has_next_contact, f.has_job_search,
           f.has_citizen_comments
      from supervision_touched t
      join registration r on r.cpr = t.cpr and r.responsible_kind = t.responsible_kind and r.responsible_code = t.responsible_code
      join registration_version v on v.registration_id = r.id
      cross join lateral supervision_fact_of(v, r.cpr,
          case when v.version = 1 then v.late
               else (select v1.late from registration_version v1 where v1.registration_id = v.registration_id and v1.version = 1) end) f
     where v.change <> 'Cancelled'
       and not exists (select 1 from registration_version n where n.registration_id = v.registration_id and n.version = v.version + 1)
    window w as (partition by f.responsible_kind, f.responsible_code, f.cpr order by f.held_on, f.received_at, f.registration_id);
    return taken;
end;
$$;

-- Makes every fact again from the versions, and forgets what was noted (run below; the benchmark runs it after loading).
-- Versions are numbered 1, 2, 3 ... per registration, so the latest is the one with no successor.
create function supervision_fact_rebuild() returns bigint
language plpgsql as $$
declare
    made bigint;
begin
    -- Every fact is made in one sort by authority and citizen; more memory than the default keeps most of it off disk.
    perform set_config('work_mem', '256MB', true);
    perform pg_advisory_xact_lock(1397773650, 0);
    -- Forgotten by DELETE, which writes noting theirs meanwhile do not wait for: what they note after this statement
    -- stays for the next apply, and the facts below are made from a later snapshot than this, so none is lost.
    delete from supervision_pending;
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
    include (cpr, registration_id, prev_held, next_held, next_contact_on, late, match_category, interview_type, interview_form,
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
