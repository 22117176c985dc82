-- Scale (issue 17): the values of an indicator in given months, for every space, without reading its other months.
-- The evaluation reads a set's indicators in a few periods (the period, the one before, the baselines' periods) and the
-- small-number decision reads an indicator's whole years; the unique key (indicator, space, first month, last month)
-- serves neither, so both read every value the indicator has: on a state-sized database (1,000 spaces × 120 months)
-- 120,000 values per indicator for the 1,000 a period has.
CREATE INDEX ix_observations_indicator_months ON observations (indicator_id, first_month, last_month);
