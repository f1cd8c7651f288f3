-- Failed sign-ins, shared by every server process (one row per attempt and key; keys are sha256 of
-- "account:<email>" or "address:<ip>", so the table holds no addresses in clear). Rows older than the
-- window are pruned.
CREATE TABLE login_attempts (
  attempt_id bigserial PRIMARY KEY,
  key text NOT NULL,
  at_ms bigint NOT NULL
);
CREATE INDEX login_attempts_key ON login_attempts (key, at_ms);
CREATE INDEX login_attempts_at ON login_attempts (at_ms);

-- Who holds a webhook delivery's lease: a sender whose lease ran out (and was taken over) does not record
-- its late result over the new holder's.
ALTER TABLE webhook_deliveries ADD COLUMN lease text;
