-- R22, R24: the one access policy (platform ru.parus.platform.access) decides on who owns a customer and who deputises
-- for whom. A service that does not own these facts keeps them here from customer-events and callcenter-events.
CREATE TABLE access_customer_owner (
    customer_id      UUID PRIMARY KEY,
    owner_manager_id VARCHAR(100),
    merged_into      UUID,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX access_customer_owner_owner ON access_customer_owner (owner_manager_id);
CREATE INDEX access_customer_owner_merged ON access_customer_owner (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE access_deputyship (
    absence_id UUID PRIMARY KEY,
    manager_id VARCHAR(100) NOT NULL,
    deputy_id  VARCHAR(100) NOT NULL,
    starts_at  TIMESTAMPTZ,
    ends_at    TIMESTAMPTZ,
    ended_at   TIMESTAMPTZ
);
CREATE INDEX access_deputyship_deputy ON access_deputyship (deputy_id);
