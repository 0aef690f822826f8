-- Lists of leads page by the moment each was created (then its id); the moment never changes, so
-- the index costs a lead's updates nothing.
create index lead_created on lead (created_at, id);
