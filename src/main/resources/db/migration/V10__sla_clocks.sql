-- The service-level clocks of each lead's handoff: one row per clock, kept after it ends so that compliance can be
-- measured, and one timer row per lead saying when its clocks next need a look (claimed with FOR UPDATE SKIP LOCKED
-- on the lead's row, so that several Baton instances never act on the same due clock twice).

create table sla_clock (
    lead_id           bigint      not null references lead (id) on delete cascade,
    seq               integer     not null,
    cycle             integer     not null,
    kind              text        not null,
    rep               text,
    span              text        not null,
    started_at        timestamptz not null,
    deadline          timestamptz not null,
    remind_at         timestamptz,
    state             text        not null,
    met_at            timestamptz,
    breached_at       timestamptz,
    stopped_at        timestamptz,
    reassign_at       timestamptz,
    reminded          boolean     not null default false,
    reassignment_due  boolean     not null default false,
    attempts          integer     not null default 0,
    answered          boolean     not null default false,
    closed            boolean     not null default false,
    primary key (lead_id, seq)
);

create index sla_clock_rep on sla_clock (rep, kind);

create table sla_timer (
    lead_id           bigint      primary key references lead (id) on delete cascade,
    agreement_version integer     not null references agreement_version (number),
    cycle             integer     not null,
    priority          boolean     not null,
    owner             text,
    touched           boolean     not null,
    next_due_at       timestamptz
);

create index sla_timer_due on sla_timer (next_due_at) where next_due_at is not null;
