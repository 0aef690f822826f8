-- Users (people who sign in), the API tokens integrations use (only a hash of each secret is kept), and the audit
-- trail of every change, which is append-only: the database itself refuses to update, delete or truncate it.

create table baton_user (
    id                   bigint generated always as identity primary key,
    email                text        not null unique,
    name                 text        not null,
    roles                text[]      not null,
    password_hash        text,
    must_change_password boolean     not null default false,
    disabled             boolean     not null default false,
    failed_sign_ins      integer     not null default 0,
    locked_until         timestamptz,
    created_at           timestamptz not null,
    last_sign_in         timestamptz
);

create table api_token (
    id                  bigint generated always as identity primary key,
    name                text        not null,
    owner_id            bigint      not null references baton_user (id),
    scopes              text[]      not null,
    prefix              text        not null unique,
    hash                text        not null,
    requests_per_minute integer check (requests_per_minute >= 1),
    created_at          timestamptz not null,
    created_by          text        not null,
    expires_at          timestamptz,
    revoked_at          timestamptz,
    last_used_at        timestamptz
);

create table audit_entry (
    id      bigint generated always as identity primary key,
    at      timestamptz not null,
    actor   text        not null,
    source  text        not null,
    via     text        not null,
    action  text        not null,
    subject text        not null,
    before  jsonb       not null default '{}',
    after   jsonb       not null default '{}'
);

create index audit_entry_actor on audit_entry (actor, id);
create index audit_entry_subject on audit_entry (subject, id);
create index audit_entry_action on audit_entry (action, id);
create index audit_entry_at on audit_entry (at);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only';
end $$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
