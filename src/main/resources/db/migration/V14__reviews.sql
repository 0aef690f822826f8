-- Review items opened by the agreement's program escalations when a shared number slipped. One trigger has at most
-- one open review, and never two for the same period; closing records who and why.
create table review_item (
    id           bigint generated always as identity primary key,
    escalation   text        not null,
    trigger      integer     not null,
    tripped      text        not null,
    metric       text        not null,
    action       text        not null,
    period_from  date        not null,
    period_to    date        not null,
    figures      jsonb       not null,
    owners       jsonb       not null,
    state        text        not null default 'OPEN',
    opened_at    timestamptz not null,
    closed_at    timestamptz,
    closed_by    text,
    note         text,
    unique (escalation, trigger, period_to)
);

create unique index review_item_one_open on review_item (escalation, trigger) where state = 'OPEN';
create index review_item_state on review_item (state, id);
