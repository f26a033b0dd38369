-- When the receive that issued a message's current receipt handle happened: AWS limits the
-- total visibility of a message to 12 hours from that receive (ChangeMessageVisibility).
ALTER TABLE messages ADD COLUMN received_at INTEGER;
