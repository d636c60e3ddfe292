-- The audit trail: every state change, hash-chained so that editing or deleting a row is detectable.

create table audit_event (
    seq         bigint primary key,
    at          timestamptz not null,
    actor       text not null,
    action      text not null,
    entity_type text not null,
    entity_id   text,
    unit_id     bigint,
    before      text,               -- canonical JSON exactly as hashed (jsonb would reorder keys)
    after       text,
    prev_hash   text not null,
    hash        text not null
);
create index audit_event_at on audit_event (at desc);
create index audit_event_entity on audit_event (entity_type, entity_id);
create index audit_event_unit on audit_event (unit_id);
