DROP TABLE order_policy_acceptances;
DROP TABLE policy_versions;
