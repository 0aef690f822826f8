-- A lead's scoring trace: the events that can still move its score, reduced to when each happened
-- and which event rules it matches, under the rules named in its first 8 bytes. With it a new event
-- rescores the lead without reading its history again; without it (or for other rules) the events
-- are read. The layout is ScoringTraceCodec's.
alter table lead add column score_trace bytea;
