-- Leases for singleton work across nodes (retention sweeps, message-move tasks, schedules): one
-- holder at a time, with a fencing token that grows whenever the lease changes hands.
CREATE TABLE leases (
  name       text   PRIMARY KEY,
  holder     text   NOT NULL,
  token      bigint NOT NULL,
  expires_at bigint NOT NULL
);
