// What the RFM settings give as of the signals' date: the 5×5 grid coloured by group (colours follow
// the draft at once; counts arrive with each summary), the cut-offs used in plain words, and the
// groups' sizes and means with "Use as segment…".
import { useMemo } from 'react';
import { useApp } from '../../../store/index.ts';
import { EChart } from '../../../components/EChart.tsx';
import { Icon } from '../../../components/Icon.tsx';
import { useChartTheme } from '../../signals/useChartTheme.ts';
import { InlineJob } from '../../signals/InlineJob.tsx';
import { JobFailureNote } from '../../signals/JobFailureNote.tsx';
import { buildRfmGridOption, type RfmGridData } from '../../../charts/rfm-grid/buildRfmGridOption.ts';
import { groupColours } from '../../../charts/rfm-grid/palette.ts';
import { formatInt } from '../../../lib/format.ts';
import { cellGroups, rfmKey, rfmProblems } from './rfmSettings.ts';
import { frequencyText, monetaryText, recencyText, type ScoreText } from './cutoffText.ts';
import { RfmGroupTable } from './RfmGroupTable.tsx';

function RfmStatus() {
  const summary = useApp((s) => s.rfmSummary);
  const summaryKey = useApp((s) => s.rfmSummaryKey);
  const draft = useApp((s) => s.rfmDraft!);
  const job = useApp((s) => s.rfmJob);
  const error = useApp((s) => s.rfmError);
  const cancel = useApp((s) => s.cancelRfmSummary);
  const refresh = useApp((s) => s.refreshRfmSummary);
  const invalid = useMemo(() => rfmProblems(draft).length > 0, [draft]);
  const stale = summary !== null && summaryKey !== rfmKey(draft);
  return (
    <div className="ru-status rfm-status" data-testid="rfm-status">
      <p className="ru-status-text" data-testid="rfm-as-of" data-buyers={summary?.buyers ?? ''} data-customers={summary?.customers ?? ''} data-fresh={summary && !stale && !job ? 'true' : 'false'}>
        {summary ? (
          <>
            As of <strong>{summary.asOf}</strong> (the signals’ date): <span className="num">{formatInt(summary.buyers)}</span> buyers of{' '}
            <span className="num">{formatInt(summary.customers)}</span> customers
          </>
        ) : job ? (
          'Scoring the customers…'
        ) : (
          'No counts yet.'
        )}
      </p>
      {job ? <InlineJob job={job} onCancel={cancel} testIdPrefix="rfm-summary" startingText="Counting…" /> : null}
      {!job && stale && invalid ? (
        <span className="rfm-stale warning-text" data-testid="rfm-stale">
          <Icon name="alert" size={13} /> Counts are for the last valid settings: fix the marked fields.
        </span>
      ) : null}
      {!job && (stale || !summary) && !invalid && !error ? (
        <button type="button" className="btn small" onClick={refresh} data-testid="rfm-recount">
          <Icon name="refresh" size={13} /> {summary ? 'Count again' : 'Count'}
        </button>
      ) : null}
      {!job && error ? (
        <button type="button" className="btn small" onClick={refresh} data-testid="rfm-retry">
          <Icon name="refresh" size={13} /> Try again
        </button>
      ) : null}
    </div>
  );
}

function GridCard() {
  const draft = useApp((s) => s.rfmDraft!);
  const summary = useApp((s) => s.rfmSummary);
  const highlight = useApp((s) => s.rfmHighlight);
  const setHighlight = useApp((s) => s.setRfmHighlight);
  const theme = useChartTheme();
  const groups = draft.groups;
  const cells = useMemo(() => cellGroups(groups), [groups]);
  const colours = useMemo(() => groupColours(groups.map((g) => g.id), theme.mode), [groups, theme.mode]);
  const names = useMemo(() => ({ other: 'Other', ...Object.fromEntries(groups.map((g) => [g.id, g.name || '(unnamed)'])) }), [groups]);
  // Buyers per group as the grid shows them: the summary's counts under the draft's groups.
  const perGroup = useMemo(() => {
    const m = new Map<string, number>();
    if (!summary) return m;
    cells.forEach((row, r) => row.forEach((id, fm) => m.set(id, (m.get(id) ?? 0) + (summary.grid[r]?.[fm] ?? 0))));
    return m;
  }, [cells, summary]);
  const data = useMemo<RfmGridData>(() => ({ counts: summary?.grid ?? null, cells, names, colours, buyers: summary?.buyers ?? 0 }), [summary, cells, names, colours]);
  const option = useMemo(() => buildRfmGridOption(data, { highlight }, theme), [data, highlight, theme]);
  const legend = [...groups.map((g) => g.id), 'other'];

  return (
    <section className="vp-card rfm-card rfm-grid-card" aria-labelledby="rfm-grid-title" data-testid="rfm-grid">
      <header className="vp-card-head">
        <h3 id="rfm-grid-title">Buyers by R and FM score</h3>
        <span className="muted vp-head-note">cells coloured by the group they fall in</span>
      </header>
      <div className="rfm-grid-body">
        <EChart
          option={option}
          theme={theme.mode}
          className="rfm-grid-chart"
          ariaLabel="Heatmap of buyers by recency score (rows, 5 at the top) and frequency-and-money score (columns), coloured by RFM group"
        />
        <ul className="rfm-legend" aria-label="Groups on the grid" data-testid="rfm-legend">
          {legend.map((id) => (
            <li
              key={id}
              className={`rfm-legend-item${highlight === id ? ' active' : ''}`}
              onMouseEnter={() => setHighlight(id)}
              onMouseLeave={() => setHighlight(null)}
              data-testid="rfm-legend-item"
              data-group-id={id}
            >
              <span className="rfm-swatch" style={{ background: colours[id] }} aria-hidden="true" />
              <span className="rfm-legend-name">{names[id as keyof typeof names]}</span>
              <span className="num muted rfm-legend-count">{summary ? formatInt(perGroup.get(id) ?? 0) : ''}</span>
            </li>
          ))}
        </ul>
      </div>
      {/* The grid's numbers for keyboard and screen-reader users (the canvas is opaque to them). */}
      <table className="visually-hidden" data-testid="rfm-grid-table">
        <caption>Buyers by R score (rows) and FM score (columns)</caption>
        <thead>
          <tr>
            <th scope="col">R \ FM</th>
            {[1, 2, 3, 4, 5].map((fm) => (
              <th key={fm} scope="col">
                FM {fm}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[5, 4, 3, 2, 1].map((r) => (
            <tr key={r}>
              <th scope="row">R {r}</th>
              {[1, 2, 3, 4, 5].map((fm) => (
                <td key={fm} data-testid={`rfm-cell-${r}-${fm}`} data-group-id={cells[r - 1]![fm - 1]} data-count={summary?.grid[r - 1]?.[fm - 1] ?? ''}>
                  {summary ? formatInt(summary.grid[r - 1]?.[fm - 1] ?? 0) : '—'} ({names[cells[r - 1]![fm - 1] as keyof typeof names]})
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ScoreList({ title, items, prefix, testId }: { title: string; items: ScoreText[]; prefix: string; testId: string }) {
  return (
    <div className="rfm-cut-col" data-testid={testId}>
      <h4>{title}</h4>
      <ul>
        {items.map((it) => (
          <li key={it.score} className={it.empty ? 'faint' : undefined} data-testid="rfm-cut-line">
            <strong className="num">
              {prefix} {it.score}:
            </strong>{' '}
            {it.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

function CutoffsCard() {
  const summary = useApp((s) => s.rfmSummary);
  const method = useApp((s) => s.rfmDraft!.method);
  if (!summary) return null;
  const c = summary.cutoffs;
  return (
    <section className="vp-card rfm-card rfm-cutoffs-card" aria-labelledby="rfm-cut-title" data-testid="rfm-cutoffs-used">
      <header className="vp-card-head">
        <h3 id="rfm-cut-title">Cut-offs used</h3>
        <span className="muted vp-head-note">
          {method === 'quantiles' ? `computed: 20/40/60/80% points of the ${formatInt(summary.buyers)} buyers` : 'fixed cut-offs'}
        </span>
      </header>
      <div className="rfm-cut-cols">
        <ScoreList title="Recency" items={recencyText(c.recencyDays)} prefix="R" testId="rfm-cut-r" />
        <ScoreList title="Frequency" items={frequencyText(c.orders)} prefix="F" testId="rfm-cut-f" />
        <ScoreList title="Monetary" items={monetaryText(c.revenue)} prefix="M" testId="rfm-cut-m" />
      </div>
    </section>
  );
}

export function RfmResults() {
  const error = useApp((s) => s.rfmError);
  return (
    <div className="vp-main" data-testid="rfm-main">
      <RfmStatus />
      {error && error.code !== 'invalid-args' ? <JobFailureNote failure={error} fallback="The RFM scores could not be computed" testId="rfm-error" /> : null}
      {error && error.code === 'invalid-args' ? (
        <div className="sig-alert warning" role="alert" data-testid="rfm-invalid">
          <Icon name="alert" size={16} />
          <p>{error.message}</p>
        </div>
      ) : null}
      <GridCard />
      <CutoffsCard />
      <RfmGroupTable />
    </div>
  );
}
