-- Supervision at scale (docs/performance.md, "Supervision at scale"): the figures about citizens need every registration an
-- authority is responsible for, in its latest version, over the whole history. These indexes let that be read from narrow
-- index entries alone (index-only scans), without the items, which are the bulk of each row.

-- The latest version of each of an authority's registrations, in registration order, with what the figures read of it.
create index registration_version_responsible_idx
    on registration_version (responsible_kind, responsible_code, registration_id, version desc)
    include (change, held_on, received_at, next_contact_on, late);

-- Each of an authority's registrations with its citizen, in the same order, to join the above without reading the table.
create index registration_responsible_idx
    on registration (responsible_kind, responsible_code, id)
    include (cpr);

-- The versions that end the course with an end reason (item 10): whether a citizen's last registration does, without
-- reading its items. The query must test exactly this expression for the planner to use it.
create index registration_version_ended_idx
    on registration_version (registration_id, version)
    where items -> 'NextContact' ->> 'EndReason' is not null;

-- The versions that lack an item mandatory for their responsible authority's kind (domain.md § 4), for the overview's
-- "any mandatory item missing" without reading the items of every registration of the period. The expression is
-- SupervisionQueries.MissingMandatory as the requirements read now; the planner uses the index only while the two are the
-- same, so a change of the requirements needs a new migration with the new expression (until then the figures stay right
-- and the overview reads the items).
create index registration_version_missing_idx
    on registration_version (registration_id, version)
    where ((responsible_kind = 'Municipality' and not (jsonb_array_length(coalesce(items->'EmploymentGoals', '[]')) > 0 and (jsonb_array_length(coalesce(items->'FurtherCourse'->'Agreements', '[]')) > 0 or btrim(coalesce(items->'FurtherCourse'->>'NoAgreementReason', '')) <> '') and (items->'NextContact'->>'PlannedOn' is not null or items->'NextContact'->>'EndReason' is not null)))
        or (responsible_kind = 'EmploymentServiceUnit' and not (jsonb_array_length(coalesce(items->'EmploymentGoals', '[]')) > 0 and jsonb_typeof(items->'RoughMatch') = 'object' and (jsonb_array_length(coalesce(items->'FurtherCourse'->'Agreements', '[]')) > 0 or btrim(coalesce(items->'FurtherCourse'->>'NoAgreementReason', '')) <> '') and (items->'NextContact'->>'PlannedOn' is not null or items->'NextContact'->>'EndReason' is not null) and jsonb_typeof(items->'JobSearchBehaviour') = 'object')));
