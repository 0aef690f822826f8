-- What the scorecard and the ICP-fit share need on the funnel's rows, so that they are counts over funnel_cycle like
-- the rates: the fit score each cycle qualified with, its response time (as lead_response has it, written by the clock
-- store at the first touch), and how each kind of service-level clock of the cycle ended —
-- met on time or breached (a clock met late is breached; stopped and running clocks are in neither) — with the time
-- the last of them was decided. The clock store keeps the outcomes in the transaction that decides a clock
-- (dev.baton.adapter.persistence.JdbcClockStore); funnel_clock_outcomes() computes them from sla_clock.
alter table funnel_cycle
    add column fit integer,
    add column route_met integer not null default 0,
    add column route_breached integer not null default 0,
    add column accept_met integer not null default 0,
    add column accept_breached integer not null default 0,
    add column first_touch_met integer not null default 0,
    add column first_touch_breached integer not null default 0,
    add column attempts_met integer not null default 0,
    add column attempts_breached integer not null default 0,
    add column disposition_met integer not null default 0,
    add column disposition_breached integer not null default 0,
    add column clocks_decided_at timestamptz,
    add column response_at timestamptz,
    add column response_wall_seconds bigint,
    add column response_business_seconds bigint;

create index funnel_cycle_clocks_decided on funnel_cycle (clocks_decided_at) where clocks_decided_at is not null;

-- How the clocks of each cycle ended, as funnel_cycle keeps it.
create view sla_clock_outcome as
select lead_id, cycle,
       count(*) filter (where kind = 'ROUTE' and state = 'MET') as route_met,
       count(*) filter (where kind = 'ROUTE' and state = 'BREACHED') as route_breached,
       count(*) filter (where kind = 'ACCEPT' and state = 'MET') as accept_met,
       count(*) filter (where kind = 'ACCEPT' and state = 'BREACHED') as accept_breached,
       count(*) filter (where kind = 'FIRST_TOUCH' and state = 'MET') as first_touch_met,
       count(*) filter (where kind = 'FIRST_TOUCH' and state = 'BREACHED') as first_touch_breached,
       count(*) filter (where kind = 'ATTEMPTS' and state = 'MET') as attempts_met,
       count(*) filter (where kind = 'ATTEMPTS' and state = 'BREACHED') as attempts_breached,
       count(*) filter (where kind = 'DISPOSITION' and state = 'MET') as disposition_met,
       count(*) filter (where kind = 'DISPOSITION' and state = 'BREACHED') as disposition_breached,
       max(case state when 'MET' then met_at when 'BREACHED' then breached_at end) as decided_at
  from sla_clock
 group by lead_id, cycle;

-- Brings the clock outcomes on funnel_cycle up to date: of one lead's cycles, or of every lead's with null.
create function funnel_clock_outcomes(lead bigint) returns void language plpgsql as $$
begin
    update funnel_cycle f
       set
           route_met = s.route_met, route_breached = s.route_breached,
           accept_met = s.accept_met, accept_breached = s.accept_breached,
           first_touch_met = s.first_touch_met, first_touch_breached = s.first_touch_breached,
           attempts_met = s.attempts_met, attempts_breached = s.attempts_breached,
           disposition_met = s.disposition_met, disposition_breached = s.disposition_breached,
           clocks_decided_at = s.decided_at
      from sla_clock_outcome s
     where f.lead_id = s.lead_id and f.cycle = s.cycle
       and (funnel_clock_outcomes.lead is null or s.lead_id = funnel_clock_outcomes.lead)
       and row(f.route_met, f.route_breached, f.accept_met, f.accept_breached,
               f.first_touch_met, f.first_touch_breached, f.attempts_met, f.attempts_breached,
               f.disposition_met, f.disposition_breached, f.clocks_decided_at)
           is distinct from
           row(s.route_met, s.route_breached, s.accept_met, s.accept_breached,
               s.first_touch_met, s.first_touch_breached, s.attempts_met, s.attempts_breached,
               s.disposition_met, s.disposition_breached, s.decided_at);
end $$;

-- The fit score a lead qualified with: on the qualification itself, or (for the qualifications written before it
-- carried one) on the scoring written just before it, in the same transaction.
create function funnel_fit_at(lead bigint, history_id bigint, qualified jsonb) returns integer language sql stable as $$
    select coalesce((qualified->>'fit')::integer,
                    (select (s.data->>'fit')::integer from lead_history s
                      where s.lead_id = lead and s.type = 'LeadScored' and s.id < history_id
                      order by s.id desc limit 1))
$$;

update funnel_cycle f set fit = funnel_fit_at(h.lead_id, h.id, h.data)
  from lead_history h
 where h.type = 'LeadQualified' and h.lead_id = f.lead_id and (h.data->>'cycle')::integer = f.cycle;

select funnel_clock_outcomes(null);

-- The response times on the funnel's rows, from lead_response.
create function funnel_responses() returns void language sql as $$
    update funnel_cycle f
       set response_at = r.first_touch_at, response_wall_seconds = r.wall_seconds,
           response_business_seconds = r.business_seconds
      from lead_response r
     where r.lead_id = f.lead_id and r.cycle = f.cycle
$$;

select funnel_responses();

create or replace function funnel_rebuild() returns void language plpgsql as $$
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

    insert into funnel_cycle (lead_id, cycle, qualified_at, agreement_version, priority, score, fit)
    select lead_id, cycle, at,
           case when type = 'LeadQualified' then (data->>'agreementVersion')::integer end,
           coalesce(jsonb_array_length(case when type = 'LeadQualified' then data->'priority' end) > 0, false),
           case when type = 'LeadQualified' then (data->>'score')::integer end,
           case when type = 'LeadQualified' then funnel_fit_at(lead_id, id, data) end
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
    perform funnel_clock_outcomes(null);
    perform funnel_responses();
end $$;
