-- The supervision report counts the interviews registered in the browser registration tool (SupervisionFigures.ThroughTool):
-- how much of an authority's registering goes through the tool rather than its own IT system. Like lateness, it is a
-- property of the first version (a correction in the tool does not make a registration one the tool registered), so
-- the fact keeps it beside the late flag, and the period's figures read it from the index as they read the others.
--
-- The functions of migration 0012 are made again with the new column; only the lines that carry it differ.

-- Facts are not made while this runs: every apply and rebuild takes the same lock.
select pg_advisory_xact_lock(1397773650, 0);

-- The period index is made again below with the column; dropped first, so that marking the facts does not maintain it.
drop index supervision_fact_period_idx;

-- A constant default fills the existing facts without rewriting them; the tool's registrations among them (read from
-- registration_version_tool_case_worker_idx of migration 0016, which holds only the tool's versions, each fact then by
-- its primary key through the registration) are then marked. The default is dropped, so every fact made from now on
-- names it.
alter table supervision_fact add column via_tool boolean not null default false;
update supervision_fact f
   set via_tool = true
  from registration_version v
  join registration r on r.id = v.registration_id
 where v.channel = 'RegistrationTool' and v.version = 1
   and f.responsible_kind = r.responsible_kind and f.responsible_code = r.responsible_code and f.cpr = r.cpr
   and f.registration_id = r.id;
alter table supervision_fact alter column via_tool drop default;

-- The fact of one version; the late flag and the channel are the first version's, passed in.
drop function supervision_fact_of(registration_version, char(10), boolean);
create function supervision_fact_of(v registration_version, cpr char(10), first_late boolean, first_via_tool boolean) returns supervision_fact
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
        coalesce(v.items ->> 'CitizenComments', '') <> '',
        first_via_tool
    )::supervision_fact;
end;
$$;

create or replace function supervision_fact_apply(batch integer) returns integer
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
           f.has_citizen_comments, f.via_tool
      from supervision_touched t
      join registration r on r.cpr = t.cpr and r.responsible_kind = t.responsible_kind and r.responsible_code = t.responsible_code
      join registration_version v on v.registration_id = r.id
      cross join lateral supervision_fact_of(v, r.cpr,
          case when v.version = 1 then v.late
               else (select v1.late from registration_version v1 where v1.registration_id = v.registration_id and v1.version = 1) end,
          case when v.version = 1 then v.channel
               else (select v1.channel from registration_version v1 where v1.registration_id = v.registration_id and v1.version = 1) end
              = 'RegistrationTool') f
     where v.change <> 'Cancelled'
       and not exists (select 1 from registration_version n where n.registration_id = v.registration_id and n.version = v.version + 1)
    window w as (partition by f.responsible_kind, f.responsible_code, f.cpr order by f.held_on, f.received_at, f.registration_id);
    return taken;
end;
$$;

create or replace function supervision_fact_rebuild() returns bigint
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
           f.has_citizen_comments, f.via_tool
      from registration_version v
      join registration r on r.id = v.registration_id
      cross join lateral supervision_fact_of(v, r.cpr,
          case when v.version = 1 then v.late
               else (select v1.late from registration_version v1 where v1.registration_id = v.registration_id and v1.version = 1) end,
          case when v.version = 1 then v.channel
               else (select v1.channel from registration_version v1 where v1.registration_id = v.registration_id and v1.version = 1) end
              = 'RegistrationTool') f
     where v.change <> 'Cancelled'
       and not exists (select 1 from registration_version n where n.registration_id = v.registration_id and n.version = v.version + 1)
    window w as (partition by f.responsible_kind, f.responsible_code, f.cpr order by f.held_on, f.received_at, f.registration_id);
    get diagnostics made = row_count;
    return made;
end;
$$;

create index supervision_fact_period_idx
    on supervision_fact (responsible_kind, responsible_code, held_on)
    include (cpr, registration_id, prev_held, next_held, next_contact_on, late, match_category, interview_type, interview_form,
             has_employment_goals, has_rough_match, has_further_course, has_offers, has_next_contact, has_job_search, has_citizen_comments, via_tool);

analyze supervision_fact;
