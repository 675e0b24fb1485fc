-- Video clips kept as evidence, apart from the log like images, and in chunks: a clip is tens of
-- megabytes, and neither the upload nor a reader may hold it whole in memory. Chunks of an upload
-- in progress are kept under the upload's own key and renamed to the clip's hash once the hash is
-- checked; a clip kept before is not kept twice.
CREATE TABLE clips (
    sha256       VARCHAR(64)              NOT NULL PRIMARY KEY,
    content_type VARCHAR(32)              NOT NULL,
    size_bytes   BIGINT                   NOT NULL,
    chunks       INTEGER                  NOT NULL,
    stored_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE clip_chunks (
    clip_key VARCHAR(64) NOT NULL,
    seq      INTEGER     NOT NULL,
    data     BYTEA       NOT NULL,
    PRIMARY KEY (clip_key, seq)
);
