-- Approved lifecycle requests are applied to the directory: what the dry run showed, what happened, when.
alter table account_lifecycle_request add column dry_run text;
alter table account_lifecycle_request add column outcome text
    check (outcome is null or outcome in ('VERIFIED', 'FAILED', 'MANUAL', 'REGISTRY'));
alter table account_lifecycle_request add column result text;
alter table account_lifecycle_request add column applied_at timestamptz;
