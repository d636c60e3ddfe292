-- Threat intelligence: feeds, their indicators, province warninglists and the webmail policy list.
create table intel_feed (
    id               bigserial primary key,
    name             text not null unique,
    kind             text not null check (kind in ('FILE', 'URL', 'TAXII')),
    url              text,
    collection       text,
    interval_minutes int not null default 360 check (interval_minutes >= 5),
    enabled          boolean not null default true,
    etag             text,
    added_after      timestamptz,
    last_pulled_at   timestamptz,
    last_status      text,
    last_format      text,
    last_read        bigint not null default 0,
    last_accepted    bigint not null default 0,
    last_rejected    bigint not null default 0,
    last_duplicates  bigint not null default 0,
    last_suppressed  bigint not null default 0,
    last_rejections  text,
    created_at       timestamptz not null default now()
);

create table indicator (
    id           bigserial primary key,
    type         text not null,
    value        text not null,
    feed_id      bigint not null references intel_feed (id) on delete cascade,
    first_seen   timestamptz,
    last_seen    timestamptz,
    valid_until  timestamptz,
    confidence   int not null default 50 check (confidence between 0 and 100),
    tlp          text,
    tags         text[] not null default '{}',
    revoked      boolean not null default false,
    imported_at  timestamptz not null default now(),
    unique (type, value, feed_id)
);
create index indicator_value on indicator (value);

-- Province warninglists, added to the defaults shipped in core.
create table warninglist (
    id       bigserial primary key,
    name     text not null unique,
    type     text not null check (type in ('STRING', 'SUBSTRING', 'HOSTNAME', 'CIDR', 'REGEX')),
    entries  text[] not null default '{}'
);

-- Free webmail services whose use from official hosts breaks D-WEBMAIL.
create table webmail_domain (
    domain text primary key
);
insert into webmail_domain (domain) values
    ('gmail.com'), ('mail.google.com'), ('mail.yahoo.com'), ('login.yahoo.com'), ('outlook.com'),
    ('outlook.live.com'), ('hotmail.com'), ('mail.ru'), ('yandex.com'), ('mail.proton.me'), ('zoho.com'),
    ('gmx.com'), ('aol.com'), ('icloud.com');
