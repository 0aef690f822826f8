-- When each handoff cycle qualified and was first touched, and how long the lead waited: on the wall clock and in
-- business time on the calendar of the rep who held it, written once at the first touch so that metrics need not
-- work the calendar out again.

alter table sla_timer add column qualified_at timestamptz, add column responded_at timestamptz;

create table lead_response (
    lead_id           bigint      not null references lead (id) on delete cascade,
    cycle             integer     not null,
    qualified_at      timestamptz not null,
    first_touch_at    timestamptz not null,
    rep               text,
    wall_seconds      bigint      not null,
    business_seconds  bigint      not null,
    primary key (lead_id, cycle)
);
