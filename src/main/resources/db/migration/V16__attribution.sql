-- What attribution, cost and the figures over events read, kept by the paths that write the evidence, in the same
-- transaction (dev.baton.adapter.persistence.JdbcEngagementStore, JdbcFunnel).

-- The campaigns that touched each lead, with the first time each did: an engagement event that names a campaign
-- (its `campaign` or `utm_campaign` property), or the lead's own campaign field when it was set.
create table campaign_touch (
    lead_id  bigint      not null references lead (id) on delete cascade,
    campaign text        not null,
    first_at timestamptz not null,
    primary key (lead_id, campaign)
);

-- Each lead's engagement by event type: how many events, the first and the last.
create table lead_engagement (
    lead_id  bigint      not null references lead (id) on delete cascade,
    type     text        not null,
    events   bigint      not null,
    first_at timestamptz not null,
    last_at  timestamptz not null,
    primary key (lead_id, type)
);

-- Marketing spend per month, by source, or by campaign of a source; imported from CSV. An empty source or campaign
-- is spend not tied to one.
create table marketing_spend (
    month       date           not null check (extract(day from month) = 1),
    source      text           not null default '',
    campaign    text           not null default '',
    amount      numeric(21, 6) not null check (amount >= 0),
    currency    text,
    imported_at timestamptz    not null,
    primary key (month, source, campaign)
);

-- Builds campaign_touch and lead_engagement from the stored events and leads: for what was written before they
-- existed, and for the benchmark's generated data.
create function engagement_rebuild() returns void language plpgsql as $$
begin
    delete from campaign_touch;
    delete from lead_engagement;
    insert into campaign_touch (lead_id, campaign, first_at)
    select lead_id, campaign, min(at) from (
        select lead_id, coalesce(properties->>'campaign', properties->>'utm_campaign') as campaign, occurred_at as at
          from engagement_event where lead_id is not null
        union all
        select id, profile->>'lead.campaign', created_at from lead
    ) t
     where campaign is not null and campaign <> ''
     group by lead_id, campaign;
    insert into lead_engagement (lead_id, type, events, first_at, last_at)
    select lead_id, type, count(*), min(occurred_at), max(occurred_at)
      from engagement_event where lead_id is not null
     group by lead_id, type;
end $$;

select engagement_rebuild();
