-- Images (feedback photos, evidence) are stored apart from the events that name them: an event
-- carries an image's hash and size, never its bytes, so the log, its stream and every snapshot stay
-- small (six 2 MiB photos per feedback made a snapshot no console could load). Content-addressed:
-- the same picture sent twice is kept once.
CREATE TABLE images (
    sha256       VARCHAR(64)              NOT NULL PRIMARY KEY,
    content_type VARCHAR(32)              NOT NULL,
    size_bytes   INTEGER                  NOT NULL,
    stored_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    data         BYTEA                    NOT NULL
);

-- Tokens of sessions that began before this moment are refused (password change, disable, role
-- change): a re-enabled account does not bring its old refresh tokens back to life.
ALTER TABLE users ADD COLUMN sessions_valid_after TIMESTAMP WITH TIME ZONE;
