// Decisions on segments (compete / maintain / don't compete) with their rationale, the definition
// and date they were taken on, and the segment's economics at the time. Never updated: a new
// decision is a new row, so the history of a segment's decisions stays readable.
export const sql = /* sql */ `
CREATE TABLE segment_decisions (
  decision_id        INTEGER PRIMARY KEY,
  family             TEXT NOT NULL,        -- "clusters", "rules" (a saved segment), "phases", "rfm", "propensity", "segment:ID"
  segment_key        TEXT NOT NULL,
  segment_name       TEXT NOT NULL,
  decision           TEXT CHECK (decision IN ('compete', 'maintain', 'dont-compete')),  -- NULL: withdrawn
  rationale          TEXT NOT NULL,
  definition_version TEXT NOT NULL,
  as_of              TEXT NOT NULL,
  decided_at         INTEGER NOT NULL,
  figures            TEXT                  -- JSON SegmentEconomics at the time, or NULL
) STRICT;
CREATE INDEX segment_decisions_segment ON segment_decisions (family, segment_key, decision_id);
`;
