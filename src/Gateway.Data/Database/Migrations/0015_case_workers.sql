-- The browser registration tool: registration-tool agreements and the case workers who sign in to it.
--
-- An agreement admits its authority one way: through the web services (every agreement so far) or through the
-- registration tool. The tool is one IT system of the authority's own, with a fixed id, so that the agreement model,
-- the usage counts and the access log (which name an IT system) carry it as they carry any case system; it never
-- calls with a certificate of its own. It has no vendor; vendor_cvr holds zeros, which no CVR number can be.
alter table agreement
    add column channel text not null default 'WebServices' check (channel in ('WebServices', 'RegistrationTool'));

insert into it_system (id, name, vendor_cvr, created_by)
values ('0f5a4db0-c5e0-4a11-8d00-0000000000a1', 'Registration tool (Det Digitale Registreringsværktøj)', '00000000', 'migration 0015');

-- The tool is admitted by tool agreements only, and they admit nothing else.
alter table agreement
    add constraint agreement_channel_system check ((channel = 'RegistrationTool') = (it_system_id = '0f5a4db0-c5e0-4a11-8d00-0000000000a1'));

-- A case worker's personal client certificate, registered to one authority and a case-worker id. Like an IT system's
-- certificate, the row is its history: who added it when, and who revoked it when and why; revocation is final.
create table case_worker (
    thumbprint      text        primary key check (thumbprint ~ '^[0-9A-F]{64}$'), -- SHA-256 of the DER
    authority_kind  text        not null,
    authority_code  text        not null,
    case_worker_id  text        not null check (length(case_worker_id) between 1 and 64),
    subject         text        not null,
    not_before      timestamptz not null,
    not_after       timestamptz not null,
    added_at        timestamptz not null default now(),
    added_by        text        not null,
    revoked_at      timestamptz,
    revoked_by      text,
    revoked_reason  text,
    foreign key (authority_kind, authority_code) references authority (kind, code),
    check ((revoked_at is null) = (revoked_by is null) and (revoked_at is null) = (revoked_reason is null))
);

create index case_worker_authority_idx on case_worker (authority_kind, authority_code, case_worker_id);

-- A certificate may not pass for both an IT system and a person.
create function refuse_certificate_reuse() returns trigger
language plpgsql as $$
begin
    if tg_table_name = 'case_worker' and exists (select 1 from certificate c where c.thumbprint = new.thumbprint)
       or tg_table_name = 'certificate' and exists (select 1 from case_worker w where w.thumbprint = new.thumbprint) then
        raise exception 'certificate % is registered already for an IT system or a case worker', new.thumbprint
            using errcode = 'unique_violation', constraint = 'certificate_one_holder';
    end if;
    return new;
end;
$$;

create trigger case_worker_one_holder before insert on case_worker
    for each row execute function refuse_certificate_reuse();
create trigger certificate_one_holder before insert on certificate
    for each row execute function refuse_certificate_reuse();

-- What changes who may sign in tells every gateway instance, as a certificate change does.
create trigger case_worker_changed after insert or update or delete on case_worker
    for each statement execute function notify_access_change();
