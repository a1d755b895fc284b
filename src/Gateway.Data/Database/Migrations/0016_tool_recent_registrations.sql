-- A case worker's own recent registrations in the registration tool: the versions made through the tool by one case
-- worker id, newest first. Only the tool's versions are indexed, which keeps the index small beside the web services'.
create index registration_version_tool_case_worker_idx
    on registration_version (case_worker_id, received_at desc)
    where channel = 'RegistrationTool';
