-- Compliance: state-secret machines seen in network logs (SECRET-ZONE evidence), one row per endpoint.
create table compliance_log_sighting (
    endpoint_id  bigint primary key,
    source_ip    text not null,
    log_source   text not null,
    first_seen   timestamptz not null,
    last_seen    timestamptz not null,
    received_at  timestamptz not null  -- when Khiên last received such a line (the window of evidence)
);
