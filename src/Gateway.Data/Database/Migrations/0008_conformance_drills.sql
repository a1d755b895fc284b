-- Conformance drills (domain.md § 8, items 5 and 6): whether the Test environment misbehaves on purpose for an IT
-- system, so that it can show it retries, redoes stale corrections and reconciles. Every switch is kept, with who and
-- why; the latest row per IT system decides. Production never runs a drill, whatever is recorded here.
create table conformance_drill_switch (
    id            bigint      generated always as identity primary key,
    it_system_id  uuid        not null references it_system (id),
    enabled       boolean     not null,
    changed_by    text        not null,
    changed_at    timestamptz not null default now(),
    reason        text        not null check (length(reason) between 1 and 500)
);

create index conformance_drill_switch_system_idx on conformance_drill_switch (it_system_id, id);

create trigger conformance_drill_switch_append_only
    before update or delete on conformance_drill_switch
    for each row execute function refuse_conformance_change();
