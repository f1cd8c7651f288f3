-- Teams are the unit of isolation and of ordering: every push takes its version from the team row, whose
-- row lock orders commits per team (a sequence would let a late commit slip under a client's cursor).
CREATE TABLE teams (
  team_id text PRIMARY KEY,
  name text NOT NULL,
  version bigint NOT NULL DEFAULT 0,
  -- Tombstones at or below this version were purged: cursors older than it must reset.
  tombstone_horizon bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  user_id text PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams(team_id),
  email text NOT NULL,
  name text NOT NULL DEFAULT '',
  role text NOT NULL CHECK (role IN ('agent', 'manager', 'admin')),
  -- NULL until an invited user sets a password.
  password_hash text,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- Login is by email alone, so an email belongs to one user across all teams.
CREATE UNIQUE INDEX users_email ON users (lower(email));
CREATE INDEX users_team ON users (team_id);

-- Only sha256 of a token is stored: a leaked table does not give working tokens.
CREATE TABLE tokens (
  token_hash text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('session', 'invite', 'sse-ticket')),
  user_id text NOT NULL REFERENCES users(user_id),
  team_id text NOT NULL REFERENCES teams(team_id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX tokens_user ON tokens (user_id);

CREATE TABLE clients (
  client_id text PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams(team_id),
  user_id text NOT NULL REFERENCES users(user_id),
  last_mutation_id bigint NOT NULL DEFAULT 0,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);

-- One table for every replicated table: a pull is one keyset scan over (version, table, id) instead of a
-- merge of one scan per table, and a new replicated table needs no migration. Validation is per table in
-- src/domain/sync, before anything reaches here.
CREATE TABLE rows (
  team_id text NOT NULL REFERENCES teams(team_id),
  table_name text NOT NULL,
  id text NOT NULL,
  data jsonb,
  version bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  PRIMARY KEY (team_id, table_name, id)
);
CREATE INDEX rows_pull ON rows (team_id, version, table_name, id);
CREATE INDEX rows_tombstones ON rows (team_id, updated_at) WHERE deleted;

CREATE TABLE webhooks (
  team_id text PRIMARY KEY REFERENCES teams(team_id),
  url text NOT NULL,
  secret text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The delivery queue, written in the push transaction (an outbox): a crash after commit cannot lose an event.
CREATE TABLE webhook_deliveries (
  delivery_id bigserial PRIMARY KEY,
  team_id text NOT NULL REFERENCES teams(team_id),
  event text NOT NULL,
  -- The exact bytes that are signed and sent, so a retry sends the same signature.
  body text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_team ON webhook_deliveries (team_id, delivery_id);

CREATE TABLE webhook_attempts (
  delivery_id bigint NOT NULL REFERENCES webhook_deliveries(delivery_id) ON DELETE CASCADE,
  attempt integer NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  status_code integer,
  error text,
  duration_ms integer NOT NULL,
  PRIMARY KEY (delivery_id, attempt)
);
