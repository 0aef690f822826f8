-- Erasing a person (dev.baton.adapter.persistence.JdbcPersonalData): the lead row stays as an anonymous record, so
-- that every count and metric stays what it was, and its identifying values are removed from every table. The
-- histories stay append-only, except for a transaction that says it is erasing (set local baton.erasing = 'on'): it
-- may rewrite what a line says, never which lead, company, type or time the line is of, and it may delete nothing.
alter table lead add column erased_at timestamptz;

create or replace function lead_history_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and current_setting('baton.erasing', true) = 'on'
       and row(new.id, new.lead_id, new.type, new.at, new.recorded_at, new.agreement_version)
           is not distinct from row(old.id, old.lead_id, old.type, old.at, old.recorded_at, old.agreement_version) then
        return new;
    end if;
    raise exception 'lead history is append-only';
end $$;

create or replace function company_history_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and current_setting('baton.erasing', true) = 'on'
       and row(new.id, new.company_id, new.field, new.at, new.lead_id)
           is not distinct from row(old.id, old.company_id, old.field, old.at, old.lead_id) then
        return new;
    end if;
    raise exception 'company history is append-only';
end $$;

-- A text with the person in it (one of the secrets, lower-case, inside it; a secret shorter than three characters
-- only as the whole text) becomes '[erased]': the whole text, since what surrounds a name says who it was.
create function erased_text(value text, secrets text[]) returns text language sql immutable as $$
    select case
               when value is null then null
               when exists (select 1 from unnest(secrets) s
                             where s <> '' and (lower(btrim(value)) = s or (length(s) >= 3 and strpos(lower(value), s) > 0)))
                   then '[erased]'
               else value
           end
$$;

-- The same for every text inside a JSON document, but the values under the keys kept (what the funnel is rebuilt
-- from: stages, reason codes, amounts, reps) and the values spared (the roster's reps, who are not the person).
create function erased_json(doc jsonb, secrets text[], kept text[], spared text[]) returns jsonb
    language plpgsql immutable as $$
declare
    result jsonb;
begin
    if doc is null then
        return null;
    end if;
    case jsonb_typeof(doc)
        when 'object' then
            select coalesce(jsonb_object_agg(key, case when key = any(kept) then value
                                                       else erased_json(value, secrets, kept, spared) end), '{}')
              into result from jsonb_each(doc);
        when 'array' then
            select coalesce(jsonb_agg(erased_json(value, secrets, kept, spared) order by n), '[]')
              into result from jsonb_array_elements(doc) with ordinality as e(value, n);
        when 'string' then
            result := case when doc #>> '{}' = any(spared) then doc
                           else to_jsonb(erased_text(doc #>> '{}', secrets)) end;
        else
            result := doc;
    end case;
    return result;
end $$;

-- Retention deletes anonymous visitors' old events by their age; the events of leads it reaches through each lead.
create index engagement_event_anonymous_age on engagement_event (occurred_at) where lead_id is null;
