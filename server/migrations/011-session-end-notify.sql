-- Every server process caches a session lookup for a few seconds. When a session ends (logout, a password
-- change or reset, a disabled user), the processes that cached it must hear it at once: these triggers send
-- NOTIFY comptoir_session_end from the very transaction that ends it, whoever runs it (a route of any
-- process, the admin command, SQL by hand), delivered at its commit. `t:<token hash>` ends one session,
-- `u:<user id>` every session of a user. PGlite has one process and no listener: the notifications go nowhere.
-- (Function bodies on one line: the migration runner splits statements at a ";" that ends a line.)
CREATE FUNCTION comptoir_session_end_token() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN PERFORM pg_notify('comptoir_session_end', 't:' || NEW.token_hash); RETURN NULL; END $$;

CREATE TRIGGER tokens_session_end AFTER UPDATE OF revoked_at ON tokens
  FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL AND NEW.kind = 'session')
  EXECUTE FUNCTION comptoir_session_end_token();

CREATE FUNCTION comptoir_session_end_user() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN PERFORM pg_notify('comptoir_session_end', 'u:' || NEW.user_id); RETURN NULL; END $$;

CREATE TRIGGER users_session_end AFTER UPDATE OF disabled_at ON users
  FOR EACH ROW WHEN (OLD.disabled_at IS NULL AND NEW.disabled_at IS NOT NULL)
  EXECUTE FUNCTION comptoir_session_end_user();
