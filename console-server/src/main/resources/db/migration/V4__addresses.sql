-- The standard addresses (一标三实's 标准地址): a book of tens or hundreds of thousands of rows,
-- kept apart from the event log (each import is one event of it, with its file's SHA-256), read
-- whole into the hub's memory for type-ahead.
CREATE TABLE addresses (
    id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    text      VARCHAR(200) NOT NULL,
    latitude  DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    zone_id   VARCHAR(64)  NOT NULL
);
