-- Corrections and cancellations (domain.md § 5), the reconciliation feed, and the access log (§ 6).

-- What each version did, why, and the request id it was written under.
alter table registration_version
    add column change       text not null default 'Registered' check (change in ('Registered', 'Corrected', 'Cancelled')),
    add column reason       text check (reason is null or length(reason) between 1 and 500),
    add column request_id   text,
    add constraint registration_version_reason check ((change = 'Registered') = (reason is null));

-- The settled order. Every row remembers the transaction that wrote it. A transaction id below the oldest one still
-- running belongs to a transaction that has ended, so no row with such an id can appear later: readers that take
-- only rows below that horizon, in (xid, key) order, never skip a row committed out of order. Rows written before
-- this migration get xid 1, which sorts them first, in key order.
alter table registration_version add column xid xid8 not null default '1';
alter table registration_version alter column xid set default pg_current_xact_id();

-- ListRegistrations reads one authority's writes in settled order; the responsible authority is copied onto each
-- version so that one index serves it. Each version also names the other actor that made it (a correction can come
-- from another actor than the registration did). Existing rows are filled in once, here, the only time history is
-- touched.
alter table registration_version
    add column responsible_kind text,
    add column responsible_code text,
    add column other_actor_cvr  text check (other_actor_cvr ~ '^[0-9]{8}$');
alter table registration_version disable trigger registration_version_append_only;
update registration_version v
   set responsible_kind = r.responsible_kind, responsible_code = r.responsible_code, other_actor_cvr = r.other_actor_cvr
  from registration r
 where r.id = v.registration_id;
-- Registrations made under contract 1.2 carried a request id already (write_request, since 0004): copy it to version 1,
-- so that a reconciling caller recognizes them.
update registration_version v
   set request_id = w.request_id
  from write_request w
 where w.operation = 'RegisterInterview' and (w.receipt ->> 'RegistrationId')::uuid = v.registration_id and v.version = 1;
alter table registration_version enable trigger registration_version_append_only;
alter table registration_version
    alter column responsible_kind set not null,
    alter column responsible_code set not null;

create index registration_version_feed_idx
    on registration_version (responsible_kind, responsible_code, xid, registration_id, version);
-- An other actor lists only its own writes for its principal: without the actor in the index, each page would scan
-- the principal's whole feed after the cursor.
create index registration_version_actor_feed_idx
    on registration_version (responsible_kind, responsible_code, other_actor_cvr, xid, registration_id, version)
    where other_actor_cvr is not null;

-- The access log: every read of a citizen's data and every write, with who, which citizen, what and the outcome.
create table access_log (
    id               bigint      generated always as identity primary key,
    xid              xid8        not null default pg_current_xact_id(),
    recorded_at      timestamptz not null,
    agreement_id     uuid        not null,
    it_system_id     uuid        not null,
    authority_kind   text        not null,
    authority_code   text        not null,
    principal_kind   text,
    principal_code   text,
    case_worker_id   text        not null,
    call_id          text        not null,
    operation        text        not null,
    cpr              text        check (cpr ~ '^[0-9]{10}$'),
    registration_id  uuid,
    outcome          text        not null
);

create index access_log_settled_idx on access_log (xid, id);
create index access_log_cpr_idx on access_log (cpr, recorded_at) where cpr is not null;

-- The hash chain over the access log. A sealer links entries in settled order, a batch at a time: entry number seq
-- gets SHA-256 over the previous link's hash and its own content (see AccessLogChain). Writers never wait for it.
create table access_log_seal (
    seq       bigint primary key check (seq >= 1),
    entry_id  bigint not null unique references access_log (id),
    hash      bytea  not null check (length(hash) = 32),
    sealed_at timestamptz not null default now()
);

create function refuse_access_log_change() returns trigger
language plpgsql as $$
begin
    raise exception 'the access log is append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'restrict_violation';
end;
$$;

create trigger access_log_append_only before update or delete on access_log
    for each row execute function refuse_access_log_change();
create trigger access_log_no_truncate before truncate on access_log
    for each statement execute function refuse_access_log_change();
create trigger access_log_seal_append_only before update or delete on access_log_seal
    for each row execute function refuse_access_log_change();
create trigger access_log_seal_no_truncate before truncate on access_log_seal
    for each statement execute function refuse_access_log_change();

-- The sandbox agreement is the gateway's own trial connection: it covers every operation, the new ones included.
-- Other agreements keep the operations their authority agreed to.
update agreement
   set operations = array(select distinct unnest(operations || array['CorrectInterview', 'CancelInterview', 'GetInterview', 'ListRegistrations']) order by 1)
 where id = '0f5a4db0-c5e0-4a11-8d00-000000000001';
