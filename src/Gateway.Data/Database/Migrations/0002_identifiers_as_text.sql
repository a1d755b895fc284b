-- char(n) compares as bpchar. Npgsql sends strings as text, so PostgreSQL cast the column instead of the parameter
-- and could not use registration_cpr_idx: every GetContactCourse scanned every registration. Identifiers are text,
-- with the format CHECKs they already had.
alter table registration
    alter column cpr type text,
    alter column other_actor_cvr type text;
