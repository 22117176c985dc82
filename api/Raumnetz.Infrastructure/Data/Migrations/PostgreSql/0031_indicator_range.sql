-- Plausibility: an indicator may name the lowest and highest value it can take (both optional); values outside are refused.
ALTER TABLE indicators ADD COLUMN minimum DOUBLE PRECISION NULL;
ALTER TABLE indicators ADD COLUMN maximum DOUBLE PRECISION NULL;
