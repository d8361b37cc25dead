// Export: the formats other systems take the workbench's output in, each a card on the left; the
// chosen one's options, preview and "Export…" on the right: the membership CSV (per customer:
// segments, phase, scores, optional hashed contacts), the JSON bundle (every definition, with the
// data's fingerprint; compared with an earlier bundle before export, imported into another
// workspace), SQL views for SQLite or PostgreSQL, and as PMML for other scorers a cluster model and
// the intent score's Scorecard.
import { useEffect } from 'react';
import { useApp } from '../../store/index.ts';
import { NoDataState } from '../../components/ViewStates.tsx';
import { formatInt } from '../../lib/format.ts';
import { FormatList } from './FormatList.tsx';
import { MembershipPanel } from './MembershipPanel.tsx';
import { BundlePanel } from './BundlePanel.tsx';
import { PmmlPanel } from './PmmlPanel.tsx';
import { ScorecardPanel } from './ScorecardPanel.tsx';
import { SqlPanel } from './SqlPanel.tsx';
import { formatTabId } from './formats.ts';
import type { ExportFormat } from '../../store/exportSlice.ts';
import './export.css';

const PANELS: Record<ExportFormat, () => React.JSX.Element> = {
  membership: MembershipPanel,
  bundle: BundlePanel,
  sql: SqlPanel,
  pmml: PmmlPanel,
  scorecard: ScorecardPanel,
};

function ExportHeader() {
  const ws = useApp((s) => s.workspace);
  const status = ws ? `${formatInt(ws.customers)} customers · ${formatInt(ws.events)} events${ws.readonly ? ' · read-only: exports only, no import' : ''}` : '';
  return (
    <div className="toolbar vp-header" role="toolbar" aria-label="Export">
      <h2 className="vp-title">Export</h2>
      <span className="vp-status muted" data-testid="export-status" title={status}>
        {status}
      </span>
    </div>
  );
}

export function ExportView() {
  const path = useApp((s) => s.workspace?.path);
  const imports = useApp((s) => s.workspace?.imports);
  const events = useApp((s) => s.workspace?.events ?? 0);
  const customers = useApp((s) => s.workspace?.customers ?? 0);
  const enter = useApp((s) => s.enterExport);
  const format = useApp((s) => s.exportFormat);

  // Definitions may have changed in other views, and new data changes every row: enter again.
  useEffect(() => {
    enter();
  }, [enter, path, imports, events]);

  const Panel = PANELS[format];
  let body;
  if (customers === 0) {
    body = (
      <NoDataState icon="export" title="No customers to export yet" testId="export-no-customers">
        <p>Every format here describes customers: the membership file has a row per customer and the bundle carries a fingerprint of the data. Import customers and their events or orders first.</p>
      </NoDataState>
    );
  } else {
    body = (
      <div className="vp-split ex-body">
        <FormatList />
        <div key={format} className="vp-main ex-main" role="tabpanel" id="export-panel" aria-labelledby={formatTabId(format)} data-testid="export-panel" data-format={format}>
          <Panel />
        </div>
      </div>
    );
  }

  return (
    <div className="vp-view export-view" data-testid="view-export">
      <ExportHeader />
      {body}
    </div>
  );
}
