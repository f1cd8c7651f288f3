-- Softphone (issue #9): who may be rung by an incoming Twilio call, and Twilio's status callbacks as received.
CREATE TABLE twilio_agents (
  identity text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(user_id),
  team_id text NOT NULL REFERENCES teams(team_id),
  last_token_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX twilio_agents_recent ON twilio_agents (last_token_at);

CREATE TABLE twilio_call_events (
  id bigserial PRIMARY KEY,
  call_sid text NOT NULL,
  parent_call_sid text,
  status text NOT NULL,
  direction text,
  from_number text,
  to_number text,
  duration_seconds integer,
  payload jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX twilio_call_events_sid ON twilio_call_events (call_sid);
