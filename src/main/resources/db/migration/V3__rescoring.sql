-- Rescoring every open lead after an agreement version is activated: one job per activation,
-- worked through in chunks of leads by id; the checkpoint (last_lead_id, done) is written in the
-- same transaction as each chunk, so a restarted Baton continues exactly where it stopped.
create table rescore_job (
    id                bigint generated always as identity primary key,
    agreement_version integer     not null references agreement_version (number),
    status            text        not null check (status in ('RUNNING', 'DONE', 'CANCELLED')),
    total             bigint      not null,
    done              bigint      not null default 0,
    last_lead_id      bigint      not null default 0,
    started_at        timestamptz not null,
    finished_at       timestamptz
);

create index rescore_job_running on rescore_job (id) where status = 'RUNNING';
