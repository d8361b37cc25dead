// Cluster models: what a fit found and everything needed to apply it again (scaling of each
// signal, centroids) — for identity across re-fits, migration over time and export.
export const sql = /* sql */ `
CREATE TABLE cluster_models (
  model_id          INTEGER PRIMARY KEY,
  created_at        INTEGER NOT NULL,
  as_of             TEXT NOT NULL,          -- YYYY-MM-DD
  previous_model_id INTEGER REFERENCES cluster_models (model_id) ON DELETE SET NULL,
  scaling           TEXT NOT NULL,          -- JSON SignalScaling[] in coordinate order
  centroids         TEXT NOT NULL,          -- JSON number[k][d] in scaled, weighted coordinates
  summary           TEXT NOT NULL           -- JSON ClusterModel (without live), clusters in centroid order
) STRICT;
`;
