// How a decision on a segment reads and looks, wherever it is shown: the words, a longer meaning,
// and one colour per decision (and for "undecided") in each theme. The badge's CSS uses the same
// colours through its own variables. Pure.
import type { Decision } from '../../../core/api/contract.ts';
import type { ThemeMode } from '../theme.ts';

export type DecisionOrNone = Decision | null;

/** Decisions in the order they are offered (and drawn in the legend), undecided last. */
export const DECISION_ORDER: readonly DecisionOrNone[] = ['compete', 'maintain', 'dont-compete', null];

export const DECISION_LABEL: Record<Decision, string> = {
  compete: 'Compete',
  maintain: 'Maintain',
  'dont-compete': 'Don’t compete',
};

export const UNDECIDED_LABEL = 'Undecided';

export const DECISION_MEANING: Record<Decision, string> = {
  compete: 'Worth winning: invest to grow it (acquisition, offers, attention).',
  maintain: 'Keep what is there at a modest cost; no push to grow it.',
  'dont-compete': 'Not worth competing for: leave it out of paid campaigns and offers (it goes on the exclusion list).',
};

export function decisionLabel(d: DecisionOrNone): string {
  return d === null ? UNDECIDED_LABEL : DECISION_LABEL[d];
}

const COLOURS: Record<ThemeMode, Record<Decision | 'none', string>> = {
  light: { compete: '#2d8a4e', maintain: '#2f6bd8', 'dont-compete': '#c33a2c', none: '#8a929d' },
  dark: { compete: '#57bf7c', maintain: '#6aa2ff', 'dont-compete': '#ef6b5e', none: '#7d8794' },
};

export function decisionColour(d: DecisionOrNone, mode: ThemeMode): string {
  return COLOURS[mode][d ?? 'none'];
}
