// One customer, beside the table: who they are, their hidden behaviour type (sample data only),
// weekly activity, and every event newest first, filterable by type. Escape closes it.
import { useEffect, useRef } from 'react';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';
import { Menu } from '../../components/Menu.tsx';
import { CustomerSummary } from './CustomerSummary.tsx';
import { GroundTruth } from './GroundTruth.tsx';
import { ActivityChart } from './ActivityChart.tsx';
import { TypeChips } from './TypeChips.tsx';
import { EventList } from './EventList.tsx';

export function TimelinePanel() {
  const customerId = useApp((s) => s.customerId);
  const detail = useApp((s) => s.detail);
  const detailError = useApp((s) => s.detailError);
  const close = useApp((s) => s.closeCustomer);
  const askErase = useApp((s) => s.askEraseCustomer);
  const readonly = useApp((s) => s.workspace?.readonly ?? false);
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      // A modal dialog or an open menu gets Escape first.
      if (document.querySelector('dialog[open], [role="menu"]')) return;
      e.preventDefault();
      close();
      document.querySelector<HTMLElement>('[data-testid="customers-table"]')?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [close]);

  // Bring a newly opened customer's panel back to its top.
  useEffect(() => {
    panel.current?.querySelector('.tl-scroll')?.scrollTo({ top: 0 });
  }, [customerId]);

  if (!customerId) return null;
  const title = detail?.name ?? customerId;

  return (
    <aside ref={panel} className="timeline-panel" data-testid="timeline-panel" aria-label={`Customer ${title}`} data-customer-id={customerId}>
      <header className="tl-header">
        <span className="tl-avatar" aria-hidden="true">
          {(detail?.name ?? '?').slice(0, 1).toUpperCase()}
        </span>
        <div className="tl-title">
          <h3 title={title}>{title}</h3>
          <span className="mono faint">{customerId}</span>
        </div>
        <Menu
          label={<Icon name="more" size={18} strokeWidth={2.5} />}
          ariaLabel="Customer actions"
          buttonTitle="Customer actions"
          buttonClassName="btn ghost icon-only"
          buttonTestId="timeline-menu"
          align="right"
          entries={[
            {
              kind: 'item',
              label: 'Erase this customer…',
              icon: 'trash',
              onSelect: askErase,
              disabled: readonly,
              title: readonly ? 'The workspace is read-only' : 'Delete every row about this customer (right to erasure)',
              testId: 'customer-erase',
            },
          ]}
        />
        <button type="button" className="btn ghost icon-only" onClick={close} title="Close (Esc)" aria-label="Close customer" data-testid="timeline-close">
          <Icon name="x" size={16} />
        </button>
      </header>
      <div className="tl-scroll">
        {detailError ? (
          <div className="tl-error" role="alert">
            <Icon name="alert" size={14} /> {detailError}
          </div>
        ) : null}
        {detail ? <CustomerSummary detail={detail} /> : detailError ? null : <SummarySkeleton />}
        {detail && detail.groundTruth.length > 0 ? <GroundTruth months={detail.groundTruth} /> : null}
        <ActivityChart />
        <section className="tl-section tl-events">
          <div className="tl-section-head">
            <h4>Events</h4>
            <span className="faint tl-tz">Times in UTC</span>
          </div>
          <TypeChips />
          <EventList />
        </section>
      </div>
    </aside>
  );
}

function SummarySkeleton() {
  return (
    <section className="tl-section" aria-busy="true">
      {Array.from({ length: 4 }, (_, i) => (
        <span key={i} className="skeleton" style={{ width: `${80 - i * 12}%`, margin: '8px 0' }} />
      ))}
    </section>
  );
}
