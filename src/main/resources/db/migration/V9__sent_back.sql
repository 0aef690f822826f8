-- When sales last sent a lead back to marketing (to nurture or recycled, from a stage of sales'): from then on only
-- newer engagement counts toward the lead's next qualification. Filled from their history for the leads in nurture
-- or recycled now.
alter table lead add column sent_back_at timestamptz;

update lead l
   set sent_back_at = h.at
  from (select distinct on (lead_id) lead_id, at
          from lead_history
         where (type in ('LeadNurtured', 'LeadRecycled')
                or type = 'StageRecorded' and data->>'target' in ('NURTURE', 'RECYCLED'))
           and data->>'from' in ('MQL', 'ACCEPTED', 'SQL', 'OPPORTUNITY', 'REJECTED', 'LOST')
         order by lead_id, id desc) h
 where h.lead_id = l.id and l.stage in ('NURTURE', 'RECYCLED');
