-- SMTP authentication for relays that require it (most government mail servers): user name, password
-- encrypted with SecretBox (never returned), and STARTTLS.
alter table notify_settings
    add column smtp_username     text,
    add column smtp_password_enc text,
    add column smtp_starttls     boolean not null default false;
