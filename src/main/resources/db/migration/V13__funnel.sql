-- The funnel as both teams count it: one row per handoff cycle of a lead, kept from the lead's events in the
-- transaction that writes them (dev.baton.adapter.persistence.JdbcFunnel). Cycle n starts with the lead's n-th
-- qualification; cycle 0 holds the stages of a lead that never qualified. Each moment is the first time it happened
-- in the cycle; a reason is the reason code (the lost reason in words for lost deals).
create table funnel_cycle (
    lead_id             bigint      not null references lead (id) on delete cascade,
    cycle               integer     not null,
    qualified_at        timestamptz,
    agreement_version   integer,
    priority            boolean     not null default false,
    score               integer,
    source              text,
    campaign            text,
    rep                 text,
    team                text,
    accepted_at         timestamptz,
    rejected_at         timestamptz,
    rejected_reason     text,
    sql_at              timestamptz,
    opportunity_at      timestamptz,
    amount              numeric(21, 6),
    currency            text,
    won_at              timestamptz,
    lost_at             timestamptz,
    lost_reason         text,
    disqualified_at     timestamptz,
    disqualified_reason text,
    nurtured_at         timestamptz,
    nurtured_reason     text,
    recycled_at         timestamptz,
    recycled_reason     text,
    first_touch_at      timestamptz,
    requalified_at      timestamptz,
    primary key (lead_id, cycle)
);

create index funnel_cycle_qualified on funnel_cycle (qualified_at) where qualified_at is not null;
create index funnel_cycle_sql on funnel_cycle (sql_at) where sql_at is not null;
create index funnel_cycle_opportunity on funnel_cycle (opportunity_at) where opportunity_at is not null;
create index funnel_cycle_won on funnel_cycle (won_at) where won_at is not null;

-- Builds funnel_cycle again from the whole lead history: for the leads written before it existed, and to check that
-- the rows kept live are what the history says.
create function funnel_rebuild() returns void language plpgsql as $$
begin
    delete from funnel_cycle;
    create temporary table funnel_history on commit drop as
    select id, lead_id, at, agreement_version, data,
           case when type = 'StageRecorded' then
                    case data->>'target'
                        when 'MQL' then 'QUALIFIED' when 'ACCEPTED' then 'ACCEPTED' when 'REJECTED' then 'REJECTED'
                        when 'SQL' then 'SQL' when 'OPPORTUNITY' then 'OPPORTUNITY' when 'WON' then 'WON'
                        when 'LOST' then 'LOST' when 'DISQUALIFIED' then 'DISQUALIFIED'
                        when 'NURTURE' then 'NURTURED' when 'RECYCLED' then 'RECYCLED' end
                else case type
                        when 'LeadQualified' then 'QUALIFIED' when 'LeadAccepted' then 'ACCEPTED'
                        when 'LeadRejected' then 'REJECTED' when 'LeadSalesQualified' then 'SQL'
                        when 'OpportunityOpened' then 'OPPORTUNITY' when 'OpportunityWon' then 'WON'
                        when 'OpportunityLost' then 'LOST' when 'LeadDisqualified' then 'DISQUALIFIED'
                        when 'LeadNurtured' then 'NURTURED' when 'LeadRecycled' then 'RECYCLED'
                        when 'ActivityLogged' then 'FIRST_TOUCH'
                        when 'LeadRouted' then 'OWNED' when 'LeadQueued' then 'OWNED'
                        when 'LeadReassigned' then 'OWNED' end
           end as moment,
           case when type = 'LeadReassigned' then data->'decision' else data end as decision,
           type
      from lead_history
     where type in ('LeadQualified', 'LeadAccepted', 'LeadRejected', 'LeadSalesQualified', 'OpportunityOpened',
                    'OpportunityWon', 'OpportunityLost', 'LeadDisqualified', 'LeadNurtured', 'LeadRecycled',
                    'StageRecorded', 'ActivityLogged', 'LeadRouted', 'LeadQueued', 'LeadReassigned');
    delete from funnel_history where moment is null;
    alter table funnel_history add column cycle integer;
    update funnel_history f set cycle = n.cycle
      from (select id, sum(case when moment = 'QUALIFIED' then 1 else 0 end)
                           over (partition by lead_id order by id) as cycle
              from funnel_history) n
     where n.id = f.id;

    insert into funnel_cycle (lead_id, cycle, qualified_at, agreement_version, priority, score)
    select lead_id, cycle, at,
           case when type = 'LeadQualified' then (data->>'agreementVersion')::integer end,
           coalesce(jsonb_array_length(case when type = 'LeadQualified' then data->'priority' end) > 0, false),
           case when type = 'LeadQualified' then (data->>'score')::integer end
      from funnel_history where moment = 'QUALIFIED';
    -- stages before any qualification, and touches or owners of a lead that never qualified, make cycle 0
    insert into funnel_cycle (lead_id, cycle)
    select distinct lead_id, 0 from funnel_history where cycle = 0 and moment not in ('FIRST_TOUCH', 'OWNED');

    update funnel_cycle f set source = l.profile->>'lead.source', campaign = l.profile->>'lead.campaign'
      from lead l where l.id = f.lead_id;
    update funnel_cycle f set requalified_at = n.qualified_at
      from funnel_cycle n where n.lead_id = f.lead_id and n.cycle = f.cycle + 1 and f.cycle > 0;

    update funnel_cycle f set rep = o.decision->>'rep', team = o.decision->>'team'
      from (select distinct on (lead_id, cycle) lead_id, cycle, decision from funnel_history
             where moment = 'OWNED' order by lead_id, cycle, id desc) o
     where o.lead_id = f.lead_id and o.cycle = f.cycle;
    update funnel_cycle f set first_touch_at = t.at
      from (select h.lead_id, h.cycle, min(h.at) as at from funnel_history h
              join funnel_cycle c on c.lead_id = h.lead_id and c.cycle = h.cycle
             where h.moment = 'FIRST_TOUCH' and c.qualified_at is not null and h.at >= c.qualified_at
             group by h.lead_id, h.cycle) t
     where t.lead_id = f.lead_id and t.cycle = f.cycle;

    create temporary table funnel_first on commit drop as
    select distinct on (lead_id, cycle, moment) lead_id, cycle, moment, at,
           coalesce(data->>'reasonCode', case when moment = 'LOST' then data->>'reason' end) as reason,
           (data->>'amount')::numeric as amount, data->>'currency' as currency
      from funnel_history
     where moment not in ('QUALIFIED', 'FIRST_TOUCH', 'OWNED')
     order by lead_id, cycle, moment, id;
    update funnel_cycle f set accepted_at = m.at from funnel_first m
     where m.moment = 'ACCEPTED' and m.lead_id = f.lead_id and m.cycle = f.cycle;
    update funnel_cycle f set rejected_at = m.at, rejected_reason = m.reason from funnel_first m
     where m.moment = 'REJECTED' and m.lead_id = f.lead_id and m.cycle = f.cycle;
    update funnel_cycle f set sql_at = m.at from funnel_first m
     where m.moment = 'SQL' and m.lead_id = f.lead_id and m.cycle = f.cycle;
    update funnel_cycle f set opportunity_at = m.at, amount = m.amount, currency = m.currency from funnel_first m
     where m.moment = 'OPPORTUNITY' and m.lead_id = f.lead_id and m.cycle = f.cycle;
    update funnel_cycle f set won_at = m.at from funnel_first m
     where m.moment = 'WON' and m.lead_id = f.lead_id and m.cycle = f.cycle;
    update funnel_cycle f set lost_at = m.at, lost_reason = m.reason from funnel_first m
     where m.moment = 'LOST' and m.lead_id = f.lead_id and m.cycle = f.cycle;
    update funnel_cycle f set disqualified_at = m.at, disqualified_reason = m.reason from funnel_first m
     where m.moment = 'DISQUALIFIED' and m.lead_id = f.lead_id and m.cycle = f.cycle;
    update funnel_cycle f set nurtured_at = m.at, nurtured_reason = m.reason from funnel_first m
     where m.moment = 'NURTURED' and m.lead_id = f.lead_id and m.cycle = f.cycle;
    update funnel_cycle f set recycled_at = m.at, recycled_reason = m.reason from funnel_first m
     where m.moment = 'RECYCLED' and m.lead_id = f.lead_id and m.cycle = f.cycle;
    drop table funnel_first;
    drop table funnel_history;
end $$;

select funnel_rebuild();
