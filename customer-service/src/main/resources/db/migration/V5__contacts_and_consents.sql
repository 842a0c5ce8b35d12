-- R21: several phones, e-mails and messenger handles per customer; consent per channel; preferences.
CREATE TABLE customer_contact (
    id          BIGSERIAL PRIMARY KEY,
    customer_id UUID         NOT NULL REFERENCES customer (id),
    kind        VARCHAR(10)  NOT NULL, -- PHONE, EMAIL, TELEGRAM, WHATSAPP, VK
    value       VARCHAR(254) NOT NULL, -- phones E.164, e-mails lower case, handles as given
    position    INTEGER      NOT NULL, -- 0 = the main one of its kind
    UNIQUE (customer_id, kind, value)
);
CREATE INDEX customer_contact_value ON customer_contact (kind, value);
INSERT INTO customer_contact (customer_id, kind, value, position)
    SELECT id, 'PHONE', phone, 0 FROM customer WHERE phone IS NOT NULL;
INSERT INTO customer_contact (customer_id, kind, value, position)
    SELECT id, 'EMAIL', lower(email), 0 FROM customer WHERE email IS NOT NULL;

CREATE TABLE customer_consent (
    customer_id UUID         NOT NULL REFERENCES customer (id),
    channel     VARCHAR(10)  NOT NULL, -- SMS, EMAIL, TELEGRAM, WHATSAPP, VK
    granted     BOOLEAN      NOT NULL,
    changed_at  TIMESTAMPTZ  NOT NULL,
    method      VARCHAR(12)  NOT NULL, -- CALL, STOREFRONT, WRITTEN
    changed_by  VARCHAR(100),
    PRIMARY KEY (customer_id, channel)
);

ALTER TABLE customer ADD COLUMN preferred_channel VARCHAR(10);
ALTER TABLE customer ADD COLUMN quiet_from TIME;
ALTER TABLE customer ADD COLUMN quiet_to TIME;
ALTER TABLE customer ADD COLUMN time_zone VARCHAR(60);
ALTER TABLE customer ADD COLUMN updated_at TIMESTAMPTZ;
