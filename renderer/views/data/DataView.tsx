// The Data view: the customers table with its filters, and the opened customer beside it.
import { useApp } from '../../store/index.ts';
import { CustomersToolbar } from './CustomersToolbar.tsx';
import { CustomersGrid } from './CustomersGrid.tsx';
import { TimelinePanel } from '../timeline/TimelinePanel.tsx';

export function DataView() {
  const open = useApp((s) => s.customerId !== null);
  return (
    <div className={`data-view${open ? ' with-panel' : ''}`}>
      <CustomersToolbar />
      <div className="data-split">
        <CustomersGrid />
        {open ? <TimelinePanel /> : null}
      </div>
    </div>
  );
}
