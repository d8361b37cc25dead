// The customers the rule matches, in customer id order: virtualised, fetched a block at a time.
// Rows stay (dimmed) while a changed rule is being counted again; a click opens the timeline.
import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useApp } from '../../../store/index.ts';
import { evalCurrent } from '../../../store/rulesSlice.ts';
import { Icon } from '../../../components/Icon.tsx';
import { formatInt, formatMoney } from '../../../lib/format.ts';

const ROW_PX = 28;
/** 500,000 × 28 px stays under every browser's element height limit. */
const MAX_ROWS = 500_000;
const GRID = 'minmax(140px, 1.4fr) repeat(4, minmax(90px, 1fr))';

function MembersTable() {
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = useApp((s) => s.rulesMembersTotal);
  const version = useApp((s) => s.rulesMembersVersion);
  const queryVersion = useApp((s) => s.rulesMembersQueryVersion);
  const source = useApp((s) => s.rulesMemberRows);
  const error = useApp((s) => s.rulesMembersError);
  const request = useApp((s) => s.requestRuleMembers);
  const retry = useApp((s) => s.retryRuleMembers);
  const current = useApp(evalCurrent);
  const count = Math.min(total ?? 0, MAX_ROWS);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_PX,
    overscan: 8,
    paddingStart: ROW_PX,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (last >= first) request(first, last);
  }, [first, last, version, request]);
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [queryVersion]);

  const open = (customerId: string) => {
    const s = useApp.getState();
    s.setDataTab('customers');
    s.setView('data');
    void s.openCustomer(customerId);
  };

  return (
    <>
      <div
        ref={scrollRef}
        className={`rb-members-scroll${current ? '' : ' stale'}`}
        role="grid"
        aria-label="Members"
        aria-rowcount={count + 1}
        aria-busy={!current}
        data-testid="rule-members"
        data-total={total ?? ''}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          <div className="rb-mt-head" role="row" style={{ gridTemplateColumns: GRID }}>
            <div role="columnheader">Customer</div>
            <div role="columnheader" className="right">
              Orders
            </div>
            <div role="columnheader" className="right">
              Revenue
            </div>
            <div role="columnheader" className="right" title="Days since the last purchase, as of the date">
              Since purchase
            </div>
            <div role="columnheader" className="right" title="Days since the last activity, as of the date">
              Since active
            </div>
          </div>
          {items.map((it) => {
            const row = source.row(it.index);
            return (
              <div
                key={it.index}
                role="row"
                className={`rb-mt-row${it.index % 2 ? ' odd' : ''}${row ? '' : ' placeholder'}`}
                style={{ gridTemplateColumns: GRID, transform: `translateY(${it.start}px)` }}
                tabIndex={row ? 0 : -1}
                title={row ? `Open ${row.customerId}'s timeline` : undefined}
                onClick={() => row && open(row.customerId)}
                onKeyDown={(e) => {
                  if ((e.key === 'Enter' || e.key === ' ') && row) {
                    e.preventDefault();
                    open(row.customerId);
                  }
                }}
                data-testid={row ? 'rule-member-row' : 'rule-member-placeholder'}
              >
                {row ? (
                  <>
                    <div role="gridcell" className="mono rb-mt-id">
                      {row.customerId}
                    </div>
                    <div role="gridcell" className="num right">
                      {formatInt(row.orders)}
                    </div>
                    <div role="gridcell" className="num right">
                      {formatMoney(row.revenue)}
                    </div>
                    <div role="gridcell" className="num right">
                      {row.daysSincePurchase === null ? '—' : `${formatInt(row.daysSincePurchase)} d`}
                    </div>
                    <div role="gridcell" className="num right">
                      {row.daysSinceActive === null ? '—' : `${formatInt(row.daysSinceActive)} d`}
                    </div>
                  </>
                ) : (
                  <div role="gridcell" className="rb-mt-skeleton">
                    <span className="skeleton" style={{ width: `${40 + ((it.index * 13) % 40)}%` }} />
                  </div>
                )}
              </div>
            );
          })}
        </div>
        {total === 0 ? <p className="muted rb-mt-empty">No customer matches this rule.</p> : null}
      </div>
      {total !== null && total > MAX_ROWS ? (
        <p className="faint rb-note">
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
    </>
  );
}

export function MembersPanel() {
  const open = useApp((s) => s.rulesMembersOpen);
  const setOpen = useApp((s) => s.setRulesMembersOpen);
  const total = useApp((s) => s.rulesMembersTotal);
  const hasEval = useApp((s) => s.rulesEval !== null);
  return (
    <section className="vp-card rb-panel" aria-labelledby="rb-members-title" data-testid="rule-members-panel">
      <div className="vp-card-head">
        <button type="button" className="rb-disclosure" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="rule-members-toggle">
          <Icon name={open ? 'chevron-down' : 'chevron-right'} size={14} />
          <h3 id="rb-members-title">Members</h3>
        </button>
        {open && total !== null ? <span className="badge num">{formatInt(total)}</span> : null}
        {open ? <span className="faint rb-head-note">Click a customer to open their timeline.</span> : null}
      </div>
      {open ? hasEval || total !== null ? <MembersTable /> : <p className="muted rb-note">Members appear once the rule has been counted.</p> : null}
    </section>
  );
}
