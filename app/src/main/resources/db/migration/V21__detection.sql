-- Detection: log sources with counters, alerts (one per rule, source address and indicator), evidence.
create table log_source (
    id         bigserial primary key,
    name       text not null unique,
    kind       text not null check (kind in ('UPLOAD', 'HTTP', 'SYSLOG')),
    format     text,
    lines      bigint not null default 0,
    malformed  bigint not null default 0,
    matched    bigint not null default 0,
    dropped    bigint not null default 0,
    last_seen  timestamptz
);

create table alert (
    id               bigserial primary key,
    rule             text not null check (rule in ('CNC-CONTACT', 'WEBMAIL')),
    source_ip        text not null,
    indicator_type   text not null,
    indicator_value  text not null,
    observed         text not null,
    unit_id          bigint,
    network          text,
    feed             text,
    confidence       int not null,
    tlp              text,
    tags             text[] not null default '{}',
    severity         text not null check (severity in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    status           text not null default 'OPEN' check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED', 'FALSE_POSITIVE')),
    first_seen       timestamptz not null,
    last_seen        timestamptz not null,
    count            bigint not null,
    log_source_id    bigint references log_source (id) on delete set null,
    unique (rule, source_ip, indicator_type, indicator_value)
);
create index alert_unit on alert (unit_id, last_seen desc);

-- The last lines that showed an alert (kept bounded per alert).
create table alert_evidence (
    id        bigserial primary key,
    alert_id  bigint not null references alert (id) on delete cascade,
    seen_at   timestamptz not null,
    source    text not null,
    line_no   bigint not null,
    raw       text not null
);
create index alert_evidence_alert on alert_evidence (alert_id, id desc);
