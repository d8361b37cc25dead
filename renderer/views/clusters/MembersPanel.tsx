// Drill-down: the members of the chosen cluster (or of the points brushed in the scatter) beside
// the explanation of the customer chosen among them.
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { formatInt } from '../../lib/format.ts';
import { MembersTable } from './MembersTable.tsx';
import { CustomerExplanation } from './CustomerExplanation.tsx';

function FindCustomer() {
  const explain = useApp((s) => s.explainCustomer);
  return (
    <form
      className="cl-find"
      onSubmit={(e) => {
        e.preventDefault();
        const input = e.currentTarget.elements.namedItem('customer') as HTMLInputElement | null;
        const id = input?.value.trim();
        if (id) void explain(id);
      }}
    >
      <input name="customer" className="input" type="search" placeholder="Customer id…" aria-label="Explain a customer by id" data-testid="cluster-find-customer" />
      <button type="submit" className="btn small">
        Explain
      </button>
    </form>
  );
}

export function MembersPanel() {
  const model = useApp((s) => s.clusterModel);
  const selection = useApp((s) => s.brushSelection);
  const key = useApp((s) => s.selectedClusterKey);
  const total = useApp((s) => s.membersTotal);
  const clearSelection = useApp((s) => s.setBrushSelection);
  const select = useApp((s) => s.selectCluster);
  if (!model) return null;
  const cluster = model.clusters.find((c) => c.key === key);
  const title = selection ? 'Selected in the scatter' : cluster ? `Members of ${cluster.name}` : 'Members';
  return (
    <section className="vp-card cl-card cl-members" aria-labelledby="cl-members-title" data-testid="cluster-members">
      <header className="vp-card-head cl-card-head">
        <h3 id="cl-members-title" data-testid="members-title">
          {cluster && !selection ? <span className="cl-dot" style={{ background: cluster.colour }} aria-hidden="true" /> : null}
          {title}
        </h3>
        <span className="muted num" data-testid="members-count">
          {total === null ? '' : `${formatInt(total)} customer${total === 1 ? '' : 's'}${selection ? '' : ', nearest to the centroid first'}`}
        </span>
        {selection ? (
          <button type="button" className="btn small" onClick={() => clearSelection(null)} data-testid="members-clear-selection">
            <Icon name="x" size={12} /> Clear selection
          </button>
        ) : model.live ? (
          <select className="select cl-members-select" value={key ?? ''} onChange={(e) => select(Number(e.target.value))} aria-label="Cluster to list" data-testid="members-cluster-select">
            {model.clusters.map((c) => (
              <option key={c.key} value={c.key}>
                {c.name}
              </option>
            ))}
          </select>
        ) : null}
        <span className="spacer" />
        {model.live ? <FindCustomer /> : null}
      </header>
      {model.live ? (
        <div className="cl-members-split">
          <MembersTable model={model} />
          <CustomerExplanation model={model} />
        </div>
      ) : (
        <p className="muted cl-placeholder" data-testid="members-not-live">
          Re-fit the model to list its members and explain them.
        </p>
      )}
    </section>
  );
}
