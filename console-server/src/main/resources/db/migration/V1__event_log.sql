-- The event log is the truth: append-only, one global sequence, each row chained to the previous
-- by hash. Everything the hub shows is rebuilt from it at start-up.
CREATE TABLE events (
    seq         BIGINT                   NOT NULL PRIMARY KEY,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    kind        VARCHAR(64)              NOT NULL,
    actor       VARCHAR(128)             NOT NULL,
    hash        BYTEA                    NOT NULL,
    body        BYTEA                    NOT NULL
);

-- Users are not events: passwords must be changeable and removable, the log must not hold them.
CREATE TABLE users (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name  VARCHAR(128) NOT NULL,
    role          VARCHAR(32)  NOT NULL,
    unit_id       VARCHAR(64),
    station_id    VARCHAR(64),
    password_hash VARCHAR(100) NOT NULL,
    disabled      BOOLEAN      NOT NULL DEFAULT FALSE
);

-- Sessions ended by log-out; their tokens are refused until they would have expired anyway.
CREATE TABLE revoked_sessions (
    session_id VARCHAR(64)              NOT NULL PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Secrets and settings the hub makes for itself on first start (the token signing key).
CREATE TABLE hub_settings (
    setting_name  VARCHAR(64)   NOT NULL PRIMARY KEY,
    setting_value VARCHAR(1000) NOT NULL
);
