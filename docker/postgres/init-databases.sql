-- One database per service (ARCHITECTURE.md), as the local stack's LocalStackMain creates them.
-- The postgres image runs this once, when its data volume is empty.
CREATE DATABASE customers;
CREATE DATABASE orders;
CREATE DATABASE callcenter;
CREATE DATABASE fulfillment;
CREATE DATABASE notifications;
