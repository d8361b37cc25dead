// Import bookkeeping: size, duplicates and duration per import, saved column mappings, and the
// record of erasures (right to erasure) kept without any personal data.
export const sql = /* sql */ `
ALTER TABLE imports ADD COLUMN size_bytes INTEGER;
ALTER TABLE imports ADD COLUMN rows_duplicate INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN customers_added INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN events_added INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN duration_ms INTEGER;

CREATE INDEX imports_sha256 ON imports (sha256);

CREATE TABLE import_mappings (
  name     TEXT PRIMARY KEY,
  kind     TEXT NOT NULL,
  mapping  TEXT NOT NULL,               -- JSON ColumnMapping
  saved_at INTEGER NOT NULL
) STRICT;

CREATE TABLE erasures (
  erasure_id   INTEGER PRIMARY KEY,
  erased_at    INTEGER NOT NULL,
  rows_deleted TEXT NOT NULL,           -- JSON: table -> rows removed; never the customer's id or data
  note         TEXT
) STRICT;
`;
