// The members table: one row per customer (nearest to the centroid first for a cluster), with the
// distance and the raw value of every model signal. Virtualised: only the rows on screen exist,
// fetched a block at a time. Very large lists stop at MAX_ROWS (the browser's height limit);
// the count still says how many there are.
import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ClusterModel } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { formatInt } from '../../lib/format.ts';
import { formatSignalValue } from './display.ts';

export const MEMBER_ROW_PX = 28;
/** 500,000 × 28 px = 14M px, under every browser's element height limit. */
export const MAX_ROWS = 500_000;
const ID_PX = 150;
const CLUSTER_PX = 150;
const DIST_PX = 88;
const SIGNAL_PX = 104;

export function memberGrid(signals: number): string {
  return `${ID_PX}px ${CLUSTER_PX}px ${DIST_PX}px repeat(${signals}, ${SIGNAL_PX}px)`;
}

export function MembersTable({ model }: { model: ClusterModel }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = useApp((s) => s.membersTotal);
  const version = useApp((s) => s.membersVersion);
  const queryVersion = useApp((s) => s.membersQueryVersion);
  const source = useApp((s) => s.memberRows);
  const error = useApp((s) => s.membersError);
  const explainId = useApp((s) => s.explainId);
  const request = useApp((s) => s.requestMembers);
  const retry = useApp((s) => s.retryMembers);
  const explain = useApp((s) => s.explainCustomer);
  const count = Math.min(total ?? 0, MAX_ROWS);
  const clusters = new Map(model.clusters.map((c) => [c.key, c]));
  const template = memberGrid(model.signals.length);
  const width = ID_PX + CLUSTER_PX + DIST_PX + model.signals.length * SIGNAL_PX;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => MEMBER_ROW_PX,
    overscan: 8,
    paddingStart: MEMBER_ROW_PX,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= first) request(first, last);
  }, [first, last, version, request]);
  // A new cluster or selection starts at the top.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [queryVersion]);

  return (
    <div className="cl-members-table">
      <div ref={scrollRef} className="cl-members-scroll" role="grid" aria-label="Members" aria-rowcount={count + 1} data-testid="members-table" data-total={total ?? ''}>
        <div style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }}>
          <div className="cl-mt-head" role="row" style={{ gridTemplateColumns: template, width }}>
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
          </div>
          {items.map((it) => {
            const row = source.row(it.index);
            const c = row ? clusters.get(row.key) : undefined;
            return (
              <div
                key={it.index}
                role="row"
                className={`cl-mt-row${it.index % 2 ? ' odd' : ''}${row && row.customerId === explainId ? ' selected' : ''}${row ? '' : ' placeholder'}`}
                style={{ gridTemplateColumns: template, width, transform: `translateY(${it.start}px)` }}
                tabIndex={row ? 0 : -1}
                onClick={() => row && void explain(row.customerId)}
                onKeyDown={(e) => {
                  if ((e.key === 'Enter' || e.key === ' ') && row) {
                    e.preventDefault();
                    void explain(row.customerId);
                  }
                }}
                data-testid={row ? 'member-row' : 'member-row-placeholder'}
                data-customer-id={row?.customerId}
                data-key={row?.key}
              >
                {row ? (
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
                ) : (
                  <div role="gridcell" className="cl-mt-skeleton">
                    <span className="skeleton" style={{ width: `${40 + ((it.index * 13) % 40)}%` }} />
                  </div>
                )}
              </div>
            );
          })}
        </div>
        {total === 0 ? <p className="muted cl-pad cl-mt-empty">No customers here.</p> : null}
      </div>
      {total !== null && total > MAX_ROWS ? (
        <p className="faint cl-mt-cap">
          Showing the first {formatInt(MAX_ROWS)} of {formatInt(total)}.
        </p>
      ) : null}
      {error ? (
        <div className="grid-error" role="alert">
          <Icon name="alert" size={14} /> Some members could not be loaded: {error}
          <button type="button" className="btn small" onClick={retry}>
            Retry
          </button>
        </div>
      ) : null}
    </div>
  );
}
