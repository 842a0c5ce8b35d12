-- R24: one access log for the whole system. Every service publishes PersonalDataAccessed on audit-events; this
-- service collects them beside its own reads: which service answered and which fields the answer showed.
ALTER TABLE personal_data_access ADD COLUMN service VARCHAR(60) NOT NULL DEFAULT 'customer-service';
ALTER TABLE personal_data_access ADD COLUMN fields VARCHAR(200);
ALTER TABLE personal_data_access ADD COLUMN event_id UUID UNIQUE;
CREATE INDEX personal_data_access_staff ON personal_data_access (staff_id, accessed_at DESC, id DESC);
CREATE INDEX personal_data_access_time ON personal_data_access (accessed_at DESC, id DESC);
