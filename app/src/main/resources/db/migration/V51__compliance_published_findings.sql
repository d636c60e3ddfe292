-- Findings published by other modules (the account audits): one per (rule, subject) like the evaluator's, with the
-- source that publishes them, and each source's rules and per-unit subject counts (the denominators of its scores).

alter table finding add column source text not null default 'evaluator';
alter table finding drop constraint finding_subject_kind_check;
alter table finding add constraint finding_subject_kind_check check (subject_kind in ('ENDPOINT', 'UNIT', 'ACCOUNT'));
create index finding_source on finding (source, status);

create table compliance_source (
    source       text primary key,
    rule_ids     text[] not null,
    published_at timestamptz not null
);

-- A unit's own subjects (not its subtree) that a source's rules were evaluated for.
create table compliance_population (
    source   text not null references compliance_source (source) on delete cascade,
    unit_id  bigint not null references unit (id),
    subjects bigint not null check (subjects >= 0),
    primary key (source, unit_id)
);
