// The Segments tab: saved segments on the left; on the right the builder for the one being
// edited — name, live counts, the rule tree, members and SQL — or where to start.
import { useApp } from '../../../store/index.ts';
import { SegmentList } from './SegmentList.tsx';
import { StartPanel } from './StartPanel.tsx';
import { CountBar, DraftHeader } from './BuilderHeader.tsx';
import { RuleTree } from './RuleTree.tsx';
import { MembersPanel } from './MembersPanel.tsx';
import { SqlPanel } from './SqlPanel.tsx';
import './builder.css';

function Builder() {
  const save = useApp((s) => s.saveRuleDraft);
  return (
    <div
      className="rb-builder"
      data-testid="rule-builder"
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') {
          e.preventDefault();
          void save();
        }
      }}
    >
      <div className="vp-bar rb-builder-head">
        <DraftHeader />
        <CountBar />
      </div>
      <div className="vp-main rb-builder-scroll">
        <section className="vp-card rb-rule-card" aria-label="Rule">
          <RuleTree />
        </section>
        <MembersPanel />
        <SqlPanel />
      </div>
    </div>
  );
}

export function SegmentsTab() {
  const hasDraft = useApp((s) => s.rulesDraft !== null);
  return (
    <div className="rb-layout" data-testid="rules-segments">
      <SegmentList />
      <div className="rb-main">{hasDraft ? <Builder /> : <StartPanel />}</div>
    </div>
  );
}
