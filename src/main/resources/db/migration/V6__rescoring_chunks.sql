-- Rescoring in parallel: a job's leads are handed out in chunks of consecutive ids. A chunk is
-- reserved (last_lead_id moves past it and a row is added here) in one short transaction, and
-- worked in another that holds the row's lock, then deletes it. A chunk whose worker died is
-- unlocked again, and the next worker takes it up. A job covers the leads that existed when it
-- started (up to end_lead_id); leads created later are scored by the new version as they come.
create table rescore_chunk (
    job_id        bigint not null references rescore_job (id) on delete cascade,
    first_lead_id bigint not null,
    last_lead_id  bigint not null,
    primary key (job_id, first_lead_id)
);

alter table rescore_job add column end_lead_id bigint not null default 9223372036854775807;
