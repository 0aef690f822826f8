-- Agreement versions: the source of each version is immutable once stored; only its
-- status and activation change. Exactly one version is active at a time.
create table agreement_version (
    number        integer generated always as identity primary key,
    name          text        not null,
    source        text        not null,
    source_sha256 text        not null,
    author        text        not null,
    created_at    timestamptz not null,
    note          text,
    status        text        not null default 'DRAFT' check (status in ('DRAFT', 'ACTIVE', 'RETIRED')),
    activated_at  timestamptz,
    activated_by  text
);

create unique index agreement_version_one_active on agreement_version ((true)) where status = 'ACTIVE';

create function agreement_version_immutable() returns trigger language plpgsql as $$
begin
    if new.name is distinct from old.name or new.source is distinct from old.source
       or new.author is distinct from old.author or new.created_at is distinct from old.created_at
       or new.note is distinct from old.note then
        raise exception 'agreement version % is immutable', old.number;
    end if;
    return new;
end $$;

create trigger agreement_version_immutable before update on agreement_version
    for each row execute function agreement_version_immutable();

create table agreement_approval (
    version     integer     not null references agreement_version (number),
    side        text        not null check (side in ('MARKETING', 'SALES')),
    approver    text        not null,
    approved_at timestamptz not null,
    comment     text,
    primary key (version, side)
);
