-- Registrations of interviews (§ 2 stk. 2) with their full history.
-- A registration is never overwritten: each change is a new row in registration_version.

create table registration (
    id                uuid        primary key,
    cpr               char(10)    not null check (cpr ~ '^[0-9]{10}$'),
    responsible_kind  text        not null check (responsible_kind in ('Municipality', 'EmploymentServiceUnit')),
    responsible_code  text        not null,
    other_actor_cvr   char(8)     check (other_actor_cvr ~ '^[0-9]{8}$'),
    registered_at     timestamptz not null
);

-- GetContactCourse looks a citizen up by CPR.
create index registration_cpr_idx on registration (cpr);

create table registration_version (
    registration_id   uuid        not null references registration (id),
    version           integer     not null check (version >= 1),
    case_type         text        not null check (case_type in ('Dagpenge', 'Kontanthjaelp', 'Starthjaelp')),
    held_on           date        not null,
    match_category    smallint    not null check (match_category between 1 and 5),
    next_contact_on   date,
    late              boolean     not null,
    case_worker_id    text        not null,
    received_at       timestamptz not null,
    -- Every item as registered (items 1-12), as JSON with the published code-list names.
    items             jsonb       not null,
    primary key (registration_id, version)
);

-- History is append-only: refuse UPDATE and DELETE on both tables, whoever asks.
create function refuse_history_change() returns trigger
language plpgsql as $$
begin
    raise exception 'the registration history is append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'restrict_violation';
end;
$$;

create trigger registration_append_only
    before update or delete on registration
    for each row execute function refuse_history_change();

create trigger registration_version_append_only
    before update or delete on registration_version
    for each row execute function refuse_history_change();
