-- R24: every read of a customer's personal data is accountable: who, when, which customer, which endpoint.
CREATE TABLE personal_data_access (
    id          BIGSERIAL PRIMARY KEY,
    customer_id UUID         NOT NULL,
    staff_id    VARCHAR(100) NOT NULL,
    roles       VARCHAR(200) NOT NULL,
    endpoint    VARCHAR(200) NOT NULL,
    accessed_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX personal_data_access_customer ON personal_data_access (customer_id, accessed_at DESC, id DESC);
