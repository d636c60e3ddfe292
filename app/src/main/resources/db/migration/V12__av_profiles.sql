-- Column-mapping profiles for antivirus/EDR console CSVs added by officers (the shipped ones live in core).
create table av_console_profile (
    id         text primary key,
    product    text not null,
    json       text not null,
    created_by text not null,
    created_at timestamptz not null
);
