-- A number that moves whenever anything the funnel's figures are computed from changes, so that a view of them can be
-- kept until it does: one step per statement (not per row) that writes one of these tables. A sequence, not a row,
-- so that writers never wait on each other for it.
create sequence funnel_changes;

create function funnel_changed() returns trigger language plpgsql as $$
begin
    perform nextval('funnel_changes');
    return null;
end
$$;

create trigger funnel_changed after insert or update or delete on funnel_cycle
    for each statement execute function funnel_changed();
create trigger funnel_changed after insert or update or delete on sla_clock
    for each statement execute function funnel_changed();
create trigger funnel_changed after insert or update or delete on campaign_touch
    for each statement execute function funnel_changed();
create trigger funnel_changed after insert or update or delete on marketing_spend
    for each statement execute function funnel_changed();
create trigger funnel_changed after insert or update or delete on lead_engagement
    for each statement execute function funnel_changed();
create trigger funnel_changed after insert or update or delete on agreement_version
    for each statement execute function funnel_changed();
create trigger funnel_changed_by_truncate after truncate on funnel_cycle
    for each statement execute function funnel_changed();
