// Who took a decision: workspaces are files that travel between analysts, and a rationale reads
// differently when you know whose it is. Decisions taken before this migration have no author ('').
export const sql = /* sql */ `
ALTER TABLE segment_decisions ADD COLUMN decided_by TEXT NOT NULL DEFAULT '';
`;
