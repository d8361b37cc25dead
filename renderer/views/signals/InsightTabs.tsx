// Below the score: the customers of each phase, the backtest, the weight suggestion and the
// phase-to-action matrix, one tab at a time.
import { useApp } from '../../store/index.ts';
import type { SignalsTab } from '../../store/signalsSlice.ts';
import { PhaseCustomers } from './PhaseCustomers.tsx';
import { BacktestPanel } from './BacktestPanel.tsx';
import { SuggestPanel } from './SuggestPanel.tsx';
import { ActionMatrix } from './ActionMatrix.tsx';

const TABS: Array<{ id: SignalsTab; label: string }> = [
  { id: 'customers', label: 'Customers by phase' },
  { id: 'backtest', label: 'Backtest' },
  { id: 'suggest', label: 'Suggest weights' },
  { id: 'actions', label: 'Phase actions' },
];

export function InsightTabs() {
  const tab = useApp((s) => s.signalsTab);
  const setTab = useApp((s) => s.setSignalsTab);
  const backtestRunning = useApp((s) => s.backtestJob !== null);
  const suggestRunning = useApp((s) => s.suggestJob !== null);
  const running: Partial<Record<SignalsTab, boolean>> = { backtest: backtestRunning, suggest: suggestRunning };
  const step = (from: SignalsTab, by: number, list: HTMLElement | null) => {
    const i = TABS.findIndex((t) => t.id === from);
    const next = TABS[(i + by + TABS.length) % TABS.length]!;
    setTab(next.id);
    list?.querySelector<HTMLElement>(`[data-testid="insight-tab-${next.id}"]`)?.focus();
  };
  return (
    <section className="vp-card sig-card sig-insights" aria-label="Customers, validation and actions">
      <div role="tablist" aria-label="Phases in detail" className="tabs sig-tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`sig-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="sig-tabpanel"
            tabIndex={tab === t.id ? 0 : -1}
            className={`tab${tab === t.id ? ' active' : ''}`}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                e.preventDefault();
                step(t.id, e.key === 'ArrowRight' ? 1 : -1, e.currentTarget.parentElement);
              }
            }}
            data-testid={`insight-tab-${t.id}`}
          >
            {t.label}
            {running[t.id] ? <span className="spinner" aria-label="running" /> : null}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="sig-tabpanel" aria-labelledby={`sig-tab-${tab}`} className="sig-tabpanel">
        {tab === 'customers' ? <PhaseCustomers /> : tab === 'backtest' ? <BacktestPanel /> : tab === 'suggest' ? <SuggestPanel /> : <ActionMatrix />}
      </div>
    </section>
  );
}
