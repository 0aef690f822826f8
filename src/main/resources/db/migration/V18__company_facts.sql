-- A company's facts, and where each came from. A free-mail lead that names its company gets a
-- company of its own, with no domain, matched to no one. Each lead's latest word on a company
-- field is kept as its claim; the company shows the value set on it directly (pinned), or else
-- the one most of its leads report, and every change of a field is in its history.
alter table company alter column domain drop not null;
alter table company add column pinned jsonb not null default '{}';

create table company_claim (
    company_id bigint      not null references company (id),
    field      text        not null,
    lead_id    bigint      not null references lead (id),
    value      text        not null,
    claimed_at timestamptz not null,
    primary key (company_id, field, lead_id)
);

create index company_claim_lead on company_claim (lead_id);

create table company_history (
    id         bigint generated always as identity primary key,
    company_id bigint      not null references company (id),
    field      text        not null,
    was        text,
    value      text,
    at         timestamptz not null,
    actor      text        not null,
    lead_id    bigint      references lead (id),
    why        text        not null
);

create index company_history_company on company_history (company_id, id);

create function company_history_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'company history is append-only';
end $$;

create trigger company_history_append_only before update or delete on company_history
    for each row execute function company_history_append_only();
