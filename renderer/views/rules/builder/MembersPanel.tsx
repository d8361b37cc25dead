// The customers the rule matches, in customer id order: virtualised, fetched a block at a time.
// Rows stay (dimmed) while a changed rule is being counted again; a click opens the timeline.
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../../store/index.ts';
import { evalCurrent } from '../../../store/rulesSlice.ts';
import { VirtualRowsTable } from '../../../components/VirtualRowsTable.tsx';
import { formatInt, formatMoney } from '../../../lib/format.ts';
import { DisclosureButton } from './DisclosureButton.tsx';

const GRID = 'minmax(140px, 1.4fr) repeat(4, minmax(90px, 1fr))';

const days = (n: number | null) => (n === null ? '—' : `${formatInt(n)} d`);

function openTimeline(customerId: string) {
  const s = useApp.getState();
  s.setDataTab('customers');
  s.setView('data');
  void s.openCustomer(customerId);
}

function MembersTable() {
  const rows = useApp(
    useShallow((s) => ({
      source: s.rulesMemberRows,
      total: s.rulesMembersTotal,
      rowsVersion: s.rulesMembersVersion,
      queryVersion: s.rulesMembersQueryVersion,
      request: s.requestRuleMembers,
      error: s.rulesMembersError,
      retry: s.retryRuleMembers,
    })),
  );
  const current = useApp(evalCurrent);
  return (
    <VirtualRowsTable
      rows={rows}
      columns={GRID}
      minWidth={560}
      header={
        <>
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
        </>
      }
      cells={(row) => (
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
            {days(row.daysSincePurchase)}
          </div>
          <div role="gridcell" className="num right">
            {days(row.daysSinceActive)}
          </div>
        </>
      )}
      rowAttributes={(row) => ({ title: `Open ${row.customerId}'s timeline` })}
      onOpen={(row) => openTimeline(row.customerId)}
      empty={<p className="muted rows-table-empty">No customer matches this rule.</p>}
      rowsName="members"
      className={`rb-members-scroll${current ? '' : ' stale'}`}
      label="Members"
      busy={!current}
      testId="rule-members"
      rowTestId="rule-member-row"
      placeholderTestId="rule-member-placeholder"
    />
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
        <DisclosureButton open={open} onToggle={() => setOpen(!open)} titleId="rb-members-title" testId="rule-members-toggle">
          Members
        </DisclosureButton>
        {open && total !== null ? <span className="badge num">{formatInt(total)}</span> : null}
        {open ? <span className="faint vp-head-note">Click a customer to open their timeline.</span> : null}
      </div>
      {open ? hasEval || total !== null ? <MembersTable /> : <p className="muted rb-note">Members appear once the rule has been counted.</p> : null}
    </section>
  );
}
