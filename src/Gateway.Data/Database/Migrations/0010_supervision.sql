-- Supervision (visitationstilsyn, domain.md § 9), contract 1.4: what an agreement may read of the supervision figures,
-- and whose figures an access-log entry is about.

-- OwnAuthority: the figures and the masked overdue list of the authority the call is made for (self-assessment).
-- AllAuthorities: those of any municipality or Employment Service unit (a supervisor's agreement). The overdue list
-- names CPR numbers only under an agreement with overdue_cpr, granted explicitly. Existing agreements keep what they
-- had: they list none of the supervision operations, so neither column lets them read anything new.
alter table agreement
    add column supervision_scope text    not null default 'OwnAuthority' check (supervision_scope in ('OwnAuthority', 'AllAuthorities')),
    add column overdue_cpr       boolean not null default false;

-- A supervision read names an authority, not a citizen: its entry records which authority's figures were read. The
-- hash chain covers the pair only when it is given, so every link sealed before this migration verifies unchanged.
alter table access_log
    add column subject_kind text check (subject_kind in ('Municipality', 'EmploymentServiceUnit')),
    add column subject_code text,
    add constraint access_log_subject_whole check ((subject_kind is null) = (subject_code is null));
