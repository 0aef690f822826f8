-- Backtests of drafts (dev.baton.core.engine.Simulations): each asked for an agreement — a stored version, or a file
-- not stored as one, whose text is kept here either way — and a period, replayed against the version active when it
-- was asked. One worker holds a running simulation by a lease it renews; the report is kept with it.
create table simulation (
    id                bigint generated always as identity primary key,
    agreement_version integer references agreement_version (number),
    source            text        not null,
    active_version    integer     not null references agreement_version (number),
    period_from       timestamptz not null,
    period_to         timestamptz not null check (period_to > period_from),
    zone              text        not null,
    status            text        not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    total             bigint      not null default 0,
    done              bigint      not null default 0,
    lease_until       timestamptz,
    requested_by      text        not null,
    requested_at      timestamptz not null,
    finished_at       timestamptz,
    report            jsonb,
    error             text
);

create index simulation_version on simulation (agreement_version, id);
create index simulation_waiting on simulation (id) where status in ('QUEUED', 'RUNNING');
