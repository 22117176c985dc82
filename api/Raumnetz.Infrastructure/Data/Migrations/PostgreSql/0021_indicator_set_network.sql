-- The network that owns an indicator set must exist (the handlers check it too and answer 400 on networkId).
ALTER TABLE indicator_sets ADD CONSTRAINT fk_indicator_sets_network FOREIGN KEY (network_id) REFERENCES networks(id);
CREATE INDEX ix_indicator_sets_network ON indicator_sets(network_id);
