-- Seals of the audit chain: now and then the hub signs the head it has reached (sequence and
-- hash) with a key the database does not hold, here and in a file outside the database. Someone
-- who can write to the database can recompute every hash after an event they change, but not
-- these signatures; and a log cut short no longer reaches a head that was published.
CREATE TABLE chain_seals (
    seq       BIGINT                   NOT NULL PRIMARY KEY,
    hash      BYTEA                    NOT NULL,
    mac       BYTEA                    NOT NULL,
    sealed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
