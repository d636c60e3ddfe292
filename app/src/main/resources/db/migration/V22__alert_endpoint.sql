-- Detection: the endpoint (by inventory) an alert's source address belongs to, and the SECRET-ZONE policy rule
-- (any log line from a machine marked as handling state secrets).
alter table alert add column endpoint_id bigint;
alter table alert add column endpoint_name text;
alter table alert drop constraint alert_rule_check;
alter table alert add constraint alert_rule_check check (rule in ('CNC-CONTACT', 'WEBMAIL', 'SECRET-ZONE'));
