-- Connection agreements (§ 4): authorities, IT systems and their certificates, agreements with their
-- principals, the append-only status history, and usage counts.

create table authority (
    kind        text        not null check (kind in ('Municipality', 'EmploymentServiceUnit', 'OtherActor')),
    code        text        not null,
    name        text        not null,
    created_at  timestamptz not null default now(),
    created_by  text        not null,
    primary key (kind, code),
    -- The formats of domain.md § 2; the CVR check digit is checked by the domain before anything is stored.
    check (kind = 'Municipality' and code ~ '^[0-9]{3}$' and code <> '000'
        or kind = 'EmploymentServiceUnit' and code ~ '^[0-9]{3,6}$'
        or kind = 'OtherActor' and code ~ '^[1-9][0-9]{7}$')
);

create table it_system (
    id          uuid        primary key,
    name        text        not null unique,
    vendor_cvr  text        not null check (vendor_cvr ~ '^[0-9]{8}$'),
    created_at  timestamptz not null default now(),
    created_by  text        not null
);

create table certificate (
    thumbprint      text        primary key check (thumbprint ~ '^[0-9A-F]{64}$'), -- SHA-256 of the DER
    it_system_id    uuid        not null references it_system (id),
    subject         text        not null,
    not_before      timestamptz not null,
    not_after       timestamptz not null,
    added_at        timestamptz not null default now(),
    added_by        text        not null,
    revoked_at      timestamptz,
    revoked_by      text,
    revoked_reason  text
);

create table agreement (
    id                  uuid        primary key,
    authority_kind      text        not null,
    authority_code      text        not null,
    it_system_id        uuid        not null references it_system (id),
    operations          text[]      not null,
    case_types          text[]      not null,
    read_scope          text        not null check (read_scope in ('OwnCitizens', 'AllCitizens')),
    environment         text        not null check (environment in ('Test', 'Production')),
    valid_from          date        not null,
    valid_to            date        check (valid_to is null or valid_to >= valid_from),
    status              text        not null check (status in ('Requested', 'Active', 'Rejected', 'Suspended', 'Terminated', 'Expired')),
    contact             text,
    contract_reference  text,
    created_at          timestamptz not null default now(),
    foreign key (authority_kind, authority_code) references authority (kind, code)
);

create index agreement_it_system_idx on agreement (it_system_id);

-- The municipalities and units an other actor acts for under the agreement.
create table agreement_principal (
    agreement_id  uuid not null references agreement (id),
    kind          text not null check (kind in ('Municipality', 'EmploymentServiceUnit')),
    code          text not null,
    primary key (agreement_id, kind, code),
    foreign key (kind, code) references authority (kind, code)
);

create table agreement_history (
    id            bigint      generated always as identity primary key,
    agreement_id  uuid        not null references agreement (id),
    from_status   text,
    to_status     text        not null,
    changed_by    text        not null,
    changed_at    timestamptz not null default now(),
    reason        text        not null
);

create index agreement_history_agreement_idx on agreement_history (agreement_id, id);

create function refuse_agreement_history_change() returns trigger
language plpgsql as $$
begin
    raise exception 'the agreement history is append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'restrict_violation';
end;
$$;

create trigger agreement_history_append_only
    before update or delete on agreement_history
    for each row execute function refuse_agreement_history_change();

-- Calls and faults per agreement, operation, day and outcome ('Success' or the fault code).
create table agreement_usage (
    agreement_id  uuid   not null references agreement (id),
    operation     text   not null,
    day           date   not null,
    outcome       text   not null,
    calls         bigint not null check (calls > 0),
    primary key (agreement_id, operation, day, outcome)
);

-- Every gateway instance caches certificates and agreements; any change to them tells all instances at once.
create function notify_access_change() returns trigger
language plpgsql as $$
begin
    perform pg_notify('gateway_access_changed', tg_table_name);
    return null;
end;
$$;

create trigger agreement_changed after insert or update or delete on agreement
    for each statement execute function notify_access_change();
create trigger agreement_principal_changed after insert or update or delete on agreement_principal
    for each statement execute function notify_access_change();
create trigger certificate_changed after insert or update or delete on certificate
    for each statement execute function notify_access_change();

-- Item 1: which agreement (and so which IT system) made each version, and the caller's call id.
alter table registration_version
    add column agreement_id uuid references agreement (id),
    add column call_id      text;
