// Each RFM group's size and means (days since purchase, orders, revenue), including "Other" (buyers
// no group takes) and "No purchase yet", with "Use as segment…" to start a rule from a group.
import { useMemo } from 'react';
import { useApp } from '../../../store/index.ts';
import { Icon } from '../../../components/Icon.tsx';
import { DecisionBadge } from '../../../components/DecisionBadge.tsx';
import { useChartTheme } from '../../signals/useChartTheme.ts';
import { groupColours } from '../../../charts/rfm-grid/palette.ts';
import { formatInt, formatMoney } from '../../../lib/format.ts';
import { sameRfm } from './rfmSettings.ts';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const oneDecimal = (v: number | null) => (v === null ? '—' : v.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));

export function RfmGroupTable() {
  const summary = useApp((s) => s.rfmSummary);
  const draft = useApp((s) => s.rfmDraft!);
  const saved = useApp((s) => s.rfmSaved);
  const highlight = useApp((s) => s.rfmHighlight);
  const setHighlight = useApp((s) => s.setRfmHighlight);
  const asSegment = useApp((s) => s.useRfmGroupAsSegment);
  const theme = useChartTheme();
  const colours = useMemo(() => groupColours(draft.groups.map((g) => g.id), theme.mode), [draft.groups, theme.mode]);
  const dirty = !sameRfm(draft, saved);
  const savedIds = useMemo(() => new Set([...(saved?.groups.map((g) => g.id) ?? []), 'other', 'none']), [saved]);
  if (!summary) return null;

  return (
    <section className="vp-card rfm-card" aria-labelledby="rfm-table-title" data-testid="rfm-group-table">
      <header className="vp-card-head">
        <h3 id="rfm-table-title">Groups</h3>
        <span className="muted vp-head-note">
          {formatInt(summary.customers)} customers as of {summary.asOf}; means over each group’s customers
        </span>
        {dirty ? (
          <span className="hint rfm-table-note" data-testid="rfm-segment-needs-save">
            <Icon name="info" size={12} /> Save the settings to use a group as a segment.
          </span>
        ) : null}
      </header>
      <div className="rfm-table-wrap">
        <table className="rfm-table">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col" className="right">
                Customers
              </th>
              <th scope="col" className="right">
                Share
              </th>
              <th scope="col" className="right" title="Mean days since the last purchase">
                Days since purchase
              </th>
              <th scope="col" className="right">
                Orders
              </th>
              <th scope="col" className="right">
                Revenue
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.groups.map((g) => {
              const usable = !dirty && savedIds.has(g.id);
              return (
                <tr
                  key={g.id}
                  className={highlight === g.id ? 'active' : undefined}
                  onMouseEnter={() => setHighlight(g.id === 'none' ? null : g.id)}
                  onMouseLeave={() => setHighlight(null)}
                  data-testid="rfm-group-summary"
                  data-group-id={g.id}
                  data-customers={g.customers}
                >
                  <th scope="row">
                    <span className="rfm-group-cell">
                      {g.id === 'none' ? <span className="rfm-swatch rfm-swatch-none" aria-hidden="true" /> : <span className="rfm-swatch" style={{ background: colours[g.id] ?? colours.other }} aria-hidden="true" />}
                      {g.name}
                      <DecisionBadge segmentation={{ kind: 'rfm' }} segmentKey={g.id} compact />
                    </span>
                  </th>
                  <td className="num right">{formatInt(g.customers)}</td>
                  <td className="num right">{pct(g.share)}</td>
                  <td className="num right">{oneDecimal(g.meanDaysSincePurchase)}</td>
                  <td className="num right">{oneDecimal(g.meanOrders)}</td>
                  <td className="num right">{formatMoney(g.meanRevenue)}</td>
                  <td className="right">
                    <button
                      type="button"
                      className="btn small ghost"
                      disabled={!usable}
                      onClick={() => asSegment(g.id)}
                      title={usable ? `Start a segment of the customers in “${g.name}”` : 'Save the RFM settings first: the segment refers to the saved group'}
                      data-testid="rfm-use-as-segment"
                    >
                      Use as segment…
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
