-- Leads, their companies, their engagement and their history. The history is append-only:
-- the current state of a lead (its row in lead) is a projection kept in the same transaction.
create table company (
    id         bigint generated always as identity primary key,
    domain     text        not null unique,
    profile    jsonb       not null default '{}',
    created_at timestamptz not null,
    updated_at timestamptz not null
);

create table lead (
    id                bigint generated always as identity primary key,
    email             text        not null unique,
    company_id        bigint references company (id),
    profile           jsonb       not null default '{}',
    stage             text        not null default 'LEAD',
    cycle             integer     not null default 0,
    cool_off_until    timestamptz,
    score             integer,
    fit               integer,
    intent            integer,
    score_card        jsonb,
    scored_at         timestamptz,
    scored_with       integer references agreement_version (number),
    qualified_with    integer references agreement_version (number),
    qualified_at      timestamptz,
    why_qualified     text,
    priority          jsonb       not null default '[]',
    first_touch_at    timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);

create index lead_stage on lead (stage);
create index lead_company on lead (company_id);

create table engagement_event (
    event_id    text        primary key,
    lead_id     bigint references lead (id),
    visitor_id  text,
    type        text        not null,
    occurred_at timestamptz not null,
    received_at timestamptz not null,
    properties  jsonb       not null default '{}'
);

create index engagement_event_lead on engagement_event (lead_id, occurred_at);
create index engagement_event_anonymous on engagement_event (visitor_id) where lead_id is null;
create index engagement_event_visitor on engagement_event (visitor_id, lead_id) where visitor_id is not null;

create table lead_history (
    id                bigint generated always as identity primary key,
    lead_id           bigint      not null references lead (id),
    type              text        not null,
    at                timestamptz not null,
    recorded_at       timestamptz not null default now(),
    actor             text        not null,
    cause             text        not null,
    agreement_version integer,
    data              jsonb       not null
);

create index lead_history_lead on lead_history (lead_id, id);

create function lead_history_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'lead history is append-only';
end $$;

create trigger lead_history_append_only before update or delete on lead_history
    for each row execute function lead_history_append_only();
