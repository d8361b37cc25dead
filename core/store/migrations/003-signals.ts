// Signals and scoring: the analyst's own signal definitions, and small named settings documents
// (scoring weights, thresholds, the phase-to-action matrix) that persist with the workspace.
export const sql = /* sql */ `
CREATE TABLE signal_definitions (
  signal_id  TEXT PRIMARY KEY,
  definition TEXT NOT NULL,             -- JSON CustomSignal
  saved_at   INTEGER NOT NULL
) STRICT;

CREATE TABLE workbench_settings (
  key      TEXT PRIMARY KEY,            -- e.g. 'scoring'
  value    TEXT NOT NULL,               -- JSON
  saved_at INTEGER NOT NULL
) STRICT;
`;
