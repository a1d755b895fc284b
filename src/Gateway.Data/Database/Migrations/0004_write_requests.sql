-- Idempotent writes (domain.md § 5): every write is recorded under the caller's request id, per agreement, with a
-- fingerprint of its content and the receipt it was answered with. A retry finds its first receipt here.
create table write_request (
    agreement_id  uuid        not null references agreement (id),
    request_id    text        not null check (request_id ~ '^[!-~]{1,64}$'),
    operation     text        not null,
    fingerprint   text        not null check (fingerprint ~ '^[0-9A-F]{64}$'),
    receipt       jsonb       not null,
    received_at   timestamptz not null,
    primary key (agreement_id, request_id)
);

create trigger write_request_append_only
    before update or delete on write_request
    for each row execute function refuse_history_change();
