// Rules & Compare: rule-based segments (the builder), RFM as the standard baseline, comparing any
// two segmentations, and the priority list that gives every customer one primary segment. The
// shell holds the tabs; each tab is its own component with its own slice.
import { useEffect, type KeyboardEvent } from 'react';
import { useApp } from '../../store/index.ts';
import { draftDirty, RULES_TABS, type RulesTab } from '../../store/rulesSlice.ts';
import { NoDataState } from '../../components/ViewStates.tsx';
import { formatInt } from '../../lib/format.ts';
import { useLeaveGuard } from '../../hooks/useLeaveGuard.ts';
import { SegmentsTab } from './builder/SegmentsTab.tsx';
import { DiscardDialog } from './builder/DiscardDialog.tsx';
import { RfmTab } from './rfm/RfmTab.tsx';
import { CompareTab } from './compare/CompareTab.tsx';
import { PriorityTab } from './priority/PriorityTab.tsx';
import './rules.css';

const TAB_INFO: Record<RulesTab, { label: string; title: string }> = {
  segments: { label: 'Segments', title: 'Build rule segments and save them' },
  rfm: { label: 'RFM', title: 'Recency, frequency and money scores and their named groups' },
  compare: { label: 'Compare', title: 'Compare two segmentations: overlap, agreement and outcomes' },
  priority: { label: 'Priority', title: 'Order the saved segments so every customer gets one primary segment' },
};

function RulesTabs() {
  const tab = useApp((s) => s.rulesTab);
  const setTab = useApp((s) => s.setRulesTab);
  const segments = useApp((s) => s.rulesSegments.length);
  const loaded = useApp((s) => s.rulesSegmentsLoaded);
  const dirty = useApp(draftDirty);
  const step = (e: KeyboardEvent<HTMLButtonElement>, from: RulesTab) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const i = RULES_TABS.indexOf(from);
    const n = RULES_TABS.length;
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : (i + (e.key === 'ArrowRight' ? 1 : -1) + n) % n;
    const next = RULES_TABS[to]!;
    setTab(next);
    e.currentTarget.parentElement?.querySelector<HTMLElement>(`[data-testid="rules-tab-${next}"]`)?.focus();
  };
  return (
    <div role="tablist" aria-label="Rules" className="tabs ru-tabs">
      {RULES_TABS.map((t) => (
        <button
          key={t}
          type="button"
          role="tab"
          id={`rules-tab-${t}`}
          aria-selected={tab === t}
          aria-controls="rules-panel"
          className={`tab${tab === t ? ' active' : ''}`}
          onClick={() => setTab(t)}
          onKeyDown={(e) => step(e, t)}
          tabIndex={tab === t ? 0 : -1}
          title={TAB_INFO[t].title}
          data-testid={`rules-tab-${t}`}
        >
          {TAB_INFO[t].label}
          {t === 'segments' && loaded ? <span className="tab-count num">{formatInt(segments)}</span> : null}
          {t === 'segments' && dirty ? (
            <span className="unsaved-dot" title="Unsaved changes" data-testid="rules-tab-unsaved">
              <span className="visually-hidden">(unsaved changes)</span>
            </span>
          ) : null}
        </button>
      ))}
    </div>
  );
}

function TabBody({ tab }: { tab: RulesTab }) {
  switch (tab) {
    case 'segments':
      return <SegmentsTab />;
    case 'rfm':
      return <RfmTab />;
    case 'compare':
      return <CompareTab />;
    case 'priority':
      return <PriorityTab />;
  }
}

export function RulesView() {
  const path = useApp((s) => s.workspace?.path);
  const imports = useApp((s) => s.workspace?.imports);
  const events = useApp((s) => s.workspace?.events ?? 0);
  const tab = useApp((s) => s.rulesTab);
  const enter = useApp((s) => s.enterRules);
  const dirty = useApp(draftDirty);
  // Closing the page would lose unsaved changes to a segment.
  useLeaveGuard(dirty);

  // New data changes every count: load again whenever it changes.
  useEffect(() => {
    if (events > 0) void enter();
  }, [enter, path, imports, events]);

  return (
    <div className="vp-view" data-testid="view-rules">
      <div className="ru-header">
        <h2 className="vp-title ru-title">Rules &amp; Compare</h2>
        {events > 0 ? <RulesTabs /> : null}
      </div>
      {events === 0 ? (
        <NoDataState icon="rules" title="No customer events yet" testId="rules-no-events">
          <p>Rules test what customers did — purchases, visits, email opens — and the signals computed from it. Import customers with their events first.</p>
        </NoDataState>
      ) : (
        <div className="ru-body" role="tabpanel" id="rules-panel" aria-labelledby={`rules-tab-${tab}`} data-testid={`rules-panel-${tab}`}>
          <TabBody tab={tab} />
        </div>
      )}
      <DiscardDialog />
    </div>
  );
}
