-- Conformance (domain.md § 7-8): the real calls of IT systems in the Test environment, as the gateway saw them,
-- which the scenario catalogue judges; the resets operators make; and the production gate's overrides.

-- One row per call under a Test agreement, once the call is over. A citizen appears only as a one-way key, so that a
-- readback can be matched to its registration without the CPR number being kept here. Append-only.
create table conformance_observation (
    id                 bigint      generated always as identity primary key,
    it_system_id       uuid        not null references it_system (id),
    catalogue_version  text        not null,
    observed_at        timestamptz not null default now(),
    agreement_id       uuid        not null references agreement (id),
    operation          text        not null,
    soap_version       text        not null check (soap_version in ('1.1', '1.2')),
    outcome            text        not null,
    call_id            text        not null,
    system_call        boolean     not null,
    request_id         text,
    content_key        text,
    registration_id    uuid,
    version            integer,
    case_type          text,
    all_items          boolean     not null default false,
    citizen_key        text,
    cursor_given       text,
    next_cursor        text,
    drill              text        check (drill in ('LostAnswer', 'StaleVersion', 'Outage'))
);

create index conformance_observation_system_idx on conformance_observation (it_system_id, id);

-- A reset starts an IT system's judgement again: observations up to after_observation are kept, and no longer judged.
create table conformance_reset (
    id                 bigint      generated always as identity primary key,
    it_system_id       uuid        not null references it_system (id),
    after_observation  bigint      not null,
    reset_by           text        not null,
    reset_at           timestamptz not null default now(),
    reason             text        not null check (length(reason) between 1 and 500)
);

create index conformance_reset_system_idx on conformance_reset (it_system_id, id);

create function refuse_conformance_change() returns trigger
language plpgsql as $$
begin
    raise exception 'conformance records are append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'restrict_violation';
end;
$$;

create trigger conformance_observation_append_only
    before update or delete on conformance_observation
    for each row execute function refuse_conformance_change();
create trigger conformance_reset_append_only
    before update or delete on conformance_reset
    for each row execute function refuse_conformance_change();

-- An approval or resumption of a Production agreement for a system that had not passed every required scenario: what
-- was missing, and why the operator let it through anyway. Null for every other change.
alter table agreement_history add column conformance_override text;
