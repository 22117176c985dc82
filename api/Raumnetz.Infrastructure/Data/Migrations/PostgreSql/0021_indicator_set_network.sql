-- The network that owns an indicator set must exist (the handlers check it too and answer 400 on networkId).
-- Before this check a client could store the id of a network that does not exist; such references pointed nowhere
-- and are cleared, so that the constraint can be added.
UPDATE indicator_sets SET network_id = NULL
WHERE network_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM networks n WHERE n.id = indicator_sets.network_id);
ALTER TABLE indicator_sets ADD CONSTRAINT fk_indicator_sets_network FOREIGN KEY (network_id) REFERENCES networks(id);
CREATE INDEX ix_indicator_sets_network ON indicator_sets(network_id);
