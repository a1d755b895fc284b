-- Conformance observations keep nothing personal and nothing unbounded (attack round 3): the citizen key was a hash
-- of the CPR number without a secret, and CPR numbers are few enough to try them all, so it goes; a readback is
-- matched by the registration ids its answer held instead. Request ids and cursors are kept as SHA-256 hashes,
-- because the judgement only compares them, and a refused call could carry nearly a megabyte in them.
alter table conformance_observation add column answer_registrations uuid[] not null default '{}';

alter table conformance_observation disable trigger conformance_observation_append_only;
update conformance_observation
   set request_id   = upper(encode(sha256(convert_to(request_id, 'UTF8')), 'hex')),
       cursor_given = upper(encode(sha256(convert_to(cursor_given, 'UTF8')), 'hex')),
       next_cursor  = upper(encode(sha256(convert_to(next_cursor, 'UTF8')), 'hex'));
alter table conformance_observation enable trigger conformance_observation_append_only;
alter table conformance_observation drop column citizen_key;

alter table conformance_observation
    add constraint conformance_observation_request_id_hash check (request_id ~ '^[0-9A-F]{64}$'),
    add constraint conformance_observation_cursor_hash check (cursor_given ~ '^[0-9A-F]{64}$' and next_cursor ~ '^[0-9A-F]{64}$'),
    add constraint conformance_observation_call_id_length check (length(call_id) between 1 and 64);
