// A segment's current decision as a small coloured chip ("Compete", "Maintain", "Don't compete")
// next to its name, wherever segments are shown; the tooltip gives the rationale, when it was
// taken, on which figures and which definition. Renders nothing for an undecided segment.
// The decision is looked up through the contract's identity (decisionFor), so a cluster keeps
// its badge across re-fits and a saved segment has the same one alone and in the priority list.
import type { SegmentationRef, SegmentDecision } from '../../core/api/contract.ts';
import { useApp } from '../store/index.ts';
import { decisionFor } from '../store/decisionsSlice.ts';
import { DECISION_LABEL } from '../charts/economics-common/decisions.ts';
import { formatDateTime } from '../lib/format.ts';
import './DecisionBadge.css';

/** The badge's tooltip: decision, rationale, when, figures' date, definition. */
export function decisionTitle(d: SegmentDecision): string {
  const lines = [
    `${DECISION_LABEL[d.decision!]}: ${d.segmentName}`,
    d.rationale ? `Why: ${d.rationale}` : 'No rationale given',
    `Decided${d.decidedBy ? ` by ${d.decidedBy}` : ''} ${formatDateTime(d.decidedAt)} UTC on the figures as of ${d.asOf}`,
    `Definition: ${d.definitionVersion}`,
  ];
  return lines.join('\n');
}

interface DecisionBadgeProps {
  /** The segmentation the segment belongs to, as the view has it. */
  segmentation: SegmentationRef;
  segmentKey: string;
  /** Smaller, for tight rows and table cells. */
  compact?: boolean;
  className?: string;
}

export function DecisionBadge({ segmentation, segmentKey, compact = false, className }: DecisionBadgeProps) {
  const decision = useApp(decisionFor(segmentation, segmentKey));
  if (!decision || decision.decision === null) return null;
  return (
    <span
      className={`decision-badge ${decision.decision}${compact ? ' compact' : ''}${className ? ` ${className}` : ''}`}
      title={decisionTitle(decision)}
      data-testid="decision-badge"
      data-decision={decision.decision}
      data-segment-key={segmentKey}
    >
      <span className="decision-badge-dot" aria-hidden="true" />
      {DECISION_LABEL[decision.decision]}
    </span>
  );
}
