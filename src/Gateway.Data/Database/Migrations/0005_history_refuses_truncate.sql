-- The append-only triggers refuse UPDATE and DELETE row by row; TRUNCATE fires no row trigger, so it gets a
-- statement trigger of its own on every history table.
create trigger registration_no_truncate before truncate on registration
    for each statement execute function refuse_history_change();
create trigger registration_version_no_truncate before truncate on registration_version
    for each statement execute function refuse_history_change();
create trigger agreement_history_no_truncate before truncate on agreement_history
    for each statement execute function refuse_agreement_history_change();
create trigger write_request_no_truncate before truncate on write_request
    for each statement execute function refuse_history_change();
