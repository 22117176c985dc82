-- Plausibility: an indicator may name the lowest and highest value it can take (both optional); values outside are refused.
ALTER TABLE indicators ADD minimum FLOAT NULL, maximum FLOAT NULL;
