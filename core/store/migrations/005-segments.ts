// Saved rule segments with every version of their definition (for diffs and decisions that
// refer to a version), and their place in the priority list that gives each customer one
// primary segment.
export const sql = /* sql */ `
CREATE TABLE segments (
  segment_id  INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT '',
  definition  TEXT NOT NULL,              -- JSON RuleGroup
  version     INTEGER NOT NULL,
  priority    INTEGER NOT NULL,           -- 0 = first to claim customers
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE segment_versions (
  segment_id  INTEGER NOT NULL REFERENCES segments (segment_id) ON DELETE CASCADE,
  version     INTEGER NOT NULL,
  name        TEXT NOT NULL,
  description TEXT NOT NULL,
  definition  TEXT NOT NULL,
  saved_at    INTEGER NOT NULL,
  PRIMARY KEY (segment_id, version)
) STRICT;
`;
