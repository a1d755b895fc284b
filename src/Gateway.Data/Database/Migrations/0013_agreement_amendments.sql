-- Amendments of an agreement's terms (gatewayctl agreements amend). The agreement row is changed in place, as a status
-- change changes it, and the history gets one row in the same transaction that keeps every field the amendment changed
-- with its value before and after, as [{"field": "Operations", "before": "Ping", "after": "GetContactCourse,Ping"}, ...]
-- (AgreementChange; null for no value). An amendment changes no status: its row has the agreement's status as both
-- from_status and to_status. A change of status has no changes (null), so every row already stored stays as it is.
-- The table stays append-only: a new column leaves its triggers (0003, 0005) as they are.
alter table agreement_history
    add column changes jsonb,
    add constraint agreement_history_changes_shape check (
        changes is null
        or jsonb_typeof(changes) = 'array' and changes <> '[]'::jsonb and from_status is not null and from_status = to_status);
