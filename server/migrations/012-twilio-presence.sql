-- Issue #9: an incoming Twilio call rings the softphones registered now, not every agent who once took a token.
-- The extension posts its Device's registration (and repeats it at each token refresh); `seen_at` is that post's
-- time, so a browser that vanished without unregistering drops out once its token's life has passed.
ALTER TABLE twilio_agents ADD COLUMN registered boolean NOT NULL DEFAULT false;
ALTER TABLE twilio_agents ADD COLUMN seen_at timestamptz;
CREATE INDEX twilio_agents_registered ON twilio_agents (seen_at) WHERE registered;
