-- Leases for singleton work (one holder at a time, with a fencing token that grows whenever the
-- lease changes hands). Single-node SQLite always wins them; the table keeps the contract whole.
CREATE TABLE leases (
  name       TEXT    PRIMARY KEY,
  holder     TEXT    NOT NULL,
  token      INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
