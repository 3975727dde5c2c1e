-- People: teams, users, browser sessions, API tokens, and login throttling.
CREATE TABLE teams (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  full_name     TEXT NOT NULL,
  email         TEXT,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'marketer', 'agent')),
  team_id       INTEGER REFERENCES teams (id),
  language      TEXT NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en')),
  active        INTEGER NOT NULL DEFAULT 1,
  extension     TEXT,
  created_at    BIGINT NOT NULL,
  updated_at    BIGINT NOT NULL
);
CREATE INDEX users_team ON users (team_id);

-- Tokens are stored as SHA-256 hashes: a copy of the table does not let anyone sign in.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  ip         TEXT,
  user_agent TEXT
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  token_hash   TEXT NOT NULL UNIQUE,
  created_at   BIGINT NOT NULL,
  revoked_at   BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Failed sign-ins per key ("ip:1.2.3.4" or "user:name") within a sliding window.
CREATE TABLE login_failures (
  key          TEXT PRIMARY KEY,
  window_start BIGINT NOT NULL,
  failures     INTEGER NOT NULL
) WITHOUT ROWID;
