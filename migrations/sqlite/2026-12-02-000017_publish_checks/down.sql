DROP TABLE text_approvals;
ALTER TABLE pieces DROP COLUMN huid_exemption;
