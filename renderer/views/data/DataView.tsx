// The Data view: a tab for the customers (table, filters, the opened customer beside it), one
// for the import history and one for the page taxonomy, with Import… always at hand. A workspace without customers shows how to
// fill it instead of an empty table.
import { useApp } from '../../store/index.ts';
import { CustomersToolbar } from './CustomersToolbar.tsx';
import { CustomersGrid } from './CustomersGrid.tsx';
import { DataTabs } from './DataTabs.tsx';
import { EmptyWorkspace } from './EmptyWorkspace.tsx';
import { ImportsPanel } from './ImportsPanel.tsx';
import { TaxonomyPanel } from './TaxonomyPanel.tsx';
import { TimelinePanel } from '../timeline/TimelinePanel.tsx';

export function DataView() {
  const open = useApp((s) => s.customerId !== null);
  const tab = useApp((s) => s.dataTab);
  const empty = useApp((s) => s.workspace?.customers === 0);
  return (
    <div className={`data-view${open ? ' with-panel' : ''}`}>
      <DataTabs />
      {tab === 'imports' ? (
        <ImportsPanel />
      ) : tab === 'taxonomy' ? (
        <TaxonomyPanel />
      ) : empty ? (
        <EmptyWorkspace />
      ) : (
        <>
          <CustomersToolbar />
          <div className="data-split">
            <CustomersGrid />
            {open ? <TimelinePanel /> : null}
          </div>
        </>
      )}
    </div>
  );
}
