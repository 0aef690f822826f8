-- Rescoring reads a lead's events inside the scoring horizon through engagement_event_lead, and
-- those of the types that count at any age (negative rules such as an unsubscribe) through this
-- index, without visiting every older event of the lead to look at its type.
create index engagement_event_lead_type on engagement_event (lead_id, type);
