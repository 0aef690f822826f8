-- A lead's row is rewritten with every event that reaches it (its trace and score). With room left
-- on each page, PostgreSQL writes the new version beside the old one (a HOT update) and touches
-- none of the lead table's indexes; on full pages every update adds an entry to each index.
alter table lead set (fillfactor = 70);
