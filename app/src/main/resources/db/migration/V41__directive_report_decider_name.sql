-- the approving unit head's full name, printed in the signature block of the implementation report
alter table directive_report add column decided_by_name text;
