-- The transactional outbox: every notice is written in the transaction of the change that caused it, and delivered
-- afterwards by a worker that leases due rows (FOR UPDATE SKIP LOCKED), retries with exponential backoff and jitter,
-- and dead-letters a notice after the configured number of attempts. The key stays the same across retries: it is
-- the webhook-id receivers deduplicate on.

create table notification (
    id                bigint generated always as identity primary key,
    key               text        not null unique,
    kind              text        not null,
    channel           text        not null,
    recipient         text        not null,
    lead_id           bigint references lead (id) on delete cascade,
    subject           text        not null,
    body              jsonb       not null,
    state             text        not null default 'PENDING',
    attempts          integer     not null default 0,
    next_attempt_at   timestamptz not null,
    lease_until       timestamptz,
    last_error        text,
    created_at        timestamptz not null,
    delivered_at      timestamptz
);

create index notification_due on notification (next_attempt_at) where state = 'PENDING';
create index notification_state on notification (state, id);
