-- Item 1 of § 2 stk. 2 includes the channel: whether a version came through the web services or the browser
-- registration tool. Every version made before this migration came through the web services, the only way there was.
-- Adding a column with a constant default fills the existing rows without rewriting them and without firing the
-- append-only triggers. The default is dropped afterwards, so that every later write has to name its channel.
alter table registration_version
    add column channel text not null default 'WebServices' check (channel in ('WebServices', 'RegistrationTool'));
alter table registration_version alter column channel drop default;
