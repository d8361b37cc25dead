// What the Segments tab shows with no segment open: what a rule segment is, and where to start —
// a template (a real rule to edit) or an empty rule.
import { useApp } from '../../../store/index.ts';
import { Icon } from '../../../components/Icon.tsx';
import { RULE_TEMPLATES } from './ruleTemplates.ts';

export function StartPanel() {
  const start = useApp((s) => s.newRuleDraft);
  const count = useApp((s) => s.rulesSegments.length);
  const loaded = useApp((s) => s.rulesSegmentsLoaded);
  return (
    <div className="rb-start" data-testid="rules-start">
      <span className="empty-icon">
        <Icon name="rules" size={28} strokeWidth={1.5} />
      </span>
      <h2>{loaded && count === 0 ? 'No rule segments yet' : 'Open a segment or start a new one'}</h2>
      <p className="muted rb-start-text">
        A rule segment is a set of conditions — on signals, customer attributes, events and other segments — combined with AND, OR and NOT. Counts update as
        you edit, and the rule is saved as JSON and SQL you can export.
      </p>
      <h4>Start from a template</h4>
      <div className="rb-templates">
        {RULE_TEMPLATES.map((t) => (
          <button key={t.id} type="button" className="rb-template" onClick={() => start(t.id)} data-testid={`rule-template-${t.id}`}>
            <strong>{t.title}</strong>
            <span className="muted">{t.summary}</span>
          </button>
        ))}
      </div>
      <button type="button" className="btn primary" onClick={() => start(null)} data-testid="rule-start-empty">
        <Icon name="plus" size={14} /> Start from an empty rule
      </button>
    </div>
  );
}
