-- R21: how each customer may be reached, projected from customer-events (CustomerConsentChanged,
-- CustomerContactsChanged, CustomersMerged, CustomerErased). A newer customer version supersedes an older one.
CREATE TABLE customer_reachability (
    customer_id       UUID PRIMARY KEY,
    -- channels with a granted consent, as a JSON array of channel names; a channel not listed has no consent
    granted_channels  TEXT         NOT NULL DEFAULT '[]',
    preferred_channel VARCHAR(20),
    quiet_from        TIME,
    quiet_to          TIME,
    time_zone         VARCHAR(60),
    -- channel -> address (e-mail, E.164 phone, messenger handle), a JSON object
    addresses         TEXT         NOT NULL DEFAULT '{}',
    consent_version   BIGINT       NOT NULL DEFAULT -1,
    addresses_version BIGINT       NOT NULL DEFAULT -1,
    -- CustomersMerged: this id now means that one
    merged_into       UUID,
    -- R24: CustomerErased anonymised this projection
    erased_at         TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ  NOT NULL
);
