// The members table: one row per customer (nearest to the centroid first for a cluster), with the
// distance and the raw value of every model signal; a row explains that customer. Virtualised and
// fetched a block at a time (components/VirtualRowsTable.tsx).
import type { ClusterModel } from '../../../core/api/contract.ts';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../store/index.ts';
import { VirtualRowsTable } from '../../components/VirtualRowsTable.tsx';
import { formatSignalValue } from './display.ts';

const ID_PX = 150;
const CLUSTER_PX = 150;
const DIST_PX = 88;
const SIGNAL_PX = 104;

export function MembersTable({ model }: { model: ClusterModel }) {
  // A new cluster or selection is a new query: the table starts at the top.
  const rows = useApp(
    useShallow((s) => ({
      source: s.memberRows,
      total: s.membersTotal,
      rowsVersion: s.membersVersion,
      queryVersion: s.membersQueryVersion,
      request: s.requestMembers,
      error: s.membersError,
      retry: s.retryMembers,
    })),
  );
  const explainId = useApp((s) => s.explainId);
  const explain = useApp((s) => s.explainCustomer);
  const clusters = new Map(model.clusters.map((c) => [c.key, c]));

  return (
    <div className="cl-members-table">
      <VirtualRowsTable
        rows={rows}
        columns={`${ID_PX}px ${CLUSTER_PX}px ${DIST_PX}px repeat(${model.signals.length}, ${SIGNAL_PX}px)`}
        width={ID_PX + CLUSTER_PX + DIST_PX + model.signals.length * SIGNAL_PX}
        stickyFirstColumn
        header={
          <>
            <div role="columnheader">Customer</div>
            <div role="columnheader">Cluster</div>
            <div role="columnheader" className="right" title="Distance to the cluster's centroid in the scaled space">
              Distance
            </div>
            {model.signals.map((s) => (
              <div key={s.id} role="columnheader" className="right" title={s.label}>
                {s.label}
              </div>
            ))}
          </>
        }
        cells={(row) => {
          const c = clusters.get(row.key);
          return (
            <>
              <div role="gridcell" className="mono cl-mt-id">
                {row.customerId}
              </div>
              <div role="gridcell" className="cl-mt-cluster" title={c?.name}>
                <span className="cl-dot" style={{ background: c?.colour }} aria-hidden="true" />
                <span>{c?.name ?? row.key}</span>
              </div>
              <div role="gridcell" className="num right">
                {row.distance.toFixed(2)}
              </div>
              {model.signals.map((s, i) => (
                <div key={s.id} role="gridcell" className="num right">
                  {formatSignalValue(row.values[i] ?? null, s.unit)}
                </div>
              ))}
            </>
          );
        }}
        rowAttributes={(row) => ({ selected: row.customerId === explainId, 'data-customer-id': row.customerId, 'data-key': row.key })}
        onOpen={(row) => void explain(row.customerId)}
        empty={<p className="muted cl-pad rows-table-empty">No customers here.</p>}
        rowsName="members"
        className="cl-members-scroll"
        label="Members"
        testId="members-table"
        rowTestId="member-row"
        placeholderTestId="member-row-placeholder"
      />
    </div>
  );
}
