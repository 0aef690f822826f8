-- The roster (teams, reps, seats with weights, capacities and rotation passes, absences) and
-- the routing of each lead. A team's row is locked while a lead is routed into it, so several
-- Baton instances take turns and never break the rotation.
create table team (
    name       text        primary key,
    manager    text        not null,
    timezone   text,
    pass       bigint      not null default 0,
    created_at timestamptz not null
);

create table rep (
    email      text        primary key,
    slack      text,
    active     boolean     not null default true,
    created_at timestamptz not null
);

create table team_member (
    team     text    not null references team (name),
    rep      text    not null references rep (email),
    weight   integer not null check (weight between 1 and 100),
    capacity integer check (capacity >= 1),
    pass     bigint  not null default 0,
    position integer not null,
    primary key (team, rep)
);

create table rep_absence (
    id        bigint generated always as identity primary key,
    rep       text        not null references rep (email),
    starts_at timestamptz not null,
    ends_at   timestamptz not null check (ends_at > starts_at),
    note      text
);

create index rep_absence_rep on rep_absence (rep, ends_at);

alter table lead
    add column owner       text references rep (email),
    add column team        text,
    add column queue       text,
    add column assigned_at timestamptz,
    add column routing     jsonb;

create index lead_open_by_owner on lead (owner) where stage = 'MQL';

alter table company
    add column owner           text references rep (email),
    add column normalized_name text;

create index company_normalized_name on company (normalized_name) where owner is not null;
