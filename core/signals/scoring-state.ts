// Scoring over a computed signal frame, kept in the session for interactive work: normalised
// columns are built once per normalisation method, so a weight or threshold change only re-runs
// the weighted sum (tens of milliseconds for 10^6 customers) and the phase assignment.
import { columnMeans, contributions } from '../scoring/explain.ts';
import { normaliseColumn, type Normalisation } from '../scoring/normalise.ts';
import { assignPhases, countPhases, PHASE_CODE, PHASE_NAMES, retainedMask } from '../scoring/phases.ts';
import { IncrementalScorer } from '../scoring/incremental.ts';
import { scoreHistogram } from '../scoring/score.ts';
import { formatDay } from './as-of.ts';
import { describeContribution } from './describe.ts';
import { columnOf, type SignalFrame } from './frame.ts';
import type { Contribution, CustomerScore, Phase, ScoreSummary, ScoringSettings } from './types.ts';

interface Normalised {
  columns: Float32Array[];
  means: Float64Array;
  /** Keeps the weighted sums, so a slider move re-scores with one column pass. */
  scorer: IncrementalScorer;
}

export interface Scored {
  score: Float32Array;
  phase: Uint8Array;
  weights: Float64Array;
  normalised: Normalised;
}

export class ScoringState {
  private readonly normalisedBy = new Map<Normalisation, Normalised>();
  private last: { key: string; scored: Scored } | null = null;
  private ranking: { key: string; byPhase: Map<number, Uint32Array> } | null = null;
  private readonly retentionMasks = new Map<string, Uint8Array>();

  constructor(readonly frame: SignalFrame) {}

  normalised(method: Normalisation): Normalised {
    let n = this.normalisedBy.get(method);
    if (!n) {
      const columns = this.frame.signals.map((s, j) => normaliseColumn(this.frame.values[j]!, s.direction, method, s.missing));
      n = { columns, means: columnMeans(columns), scorer: new IncrementalScorer(columns) };
      this.normalisedBy.set(method, n);
    }
    return n;
  }

  weightsOf(settings: ScoringSettings): Float64Array {
    return Float64Array.from(this.frame.signals, (s) => settings.weights[s.id] ?? 0);
  }

  private retained(settings: ScoringSettings): Uint8Array {
    const { purchaseWithinDays, activeWithinDays } = settings.retention;
    const key = `${purchaseWithinDays}/${activeWithinDays}`;
    let mask = this.retentionMasks.get(key);
    if (!mask) {
      const n = this.frame.customerIds.length;
      const purchase = columnOf(this.frame, 'days_since_purchase') ?? new Float64Array(n).fill(NaN);
      const active = columnOf(this.frame, 'days_since_active') ?? new Float64Array(n).fill(NaN);
      mask = retainedMask(purchase, active, purchaseWithinDays, activeWithinDays);
      this.retentionMasks.set(key, mask);
    }
    return mask;
  }

  /**
   * Scores and phases for these settings; the latest result is reused when nothing changed.
   * `exact`: what a fresh computation gives, whatever slider moves came before (memberships,
   * comparisons and exports ask for it; the sliders take the incremental update).
   */
  score(settings: ScoringSettings, options: { exact?: boolean } = {}): Scored {
    const key = JSON.stringify([settings.weights, settings.normalisation, settings.thresholds, settings.retention]);
    const exact = options.exact ?? false;
    if (this.last?.key === key && (!exact || this.last.scored.normalised.scorer.exact)) return this.last.scored;
    const normalised = this.normalised(settings.normalisation);
    const weights = this.weightsOf(settings);
    const reuse = this.last?.scored;
    // The scorer's array is shared: a Scored is valid until the next score() call.
    const score = normalised.scorer.scoreWith(weights, exact);
    const phase = assignPhases(score, settings.thresholds, this.retained(settings), reuse?.phase);
    const scored = { score, phase, weights, normalised };
    this.last = { key, scored };
    return scored;
  }

  summary(settings: ScoringSettings): ScoreSummary {
    const started = performance.now();
    const scored = this.score(settings);
    const n = scored.score.length;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += scored.score[i]!;
    return {
      asOf: formatDay(this.frame.asOf),
      customers: n,
      histogram: scoreHistogram(scored.score),
      phaseCounts: countPhases(scored.phase),
      meanScore: n ? sum / n : 0,
      // What this answer cost (a repeated request for the same settings is served from the cache).
      scoredMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }

  /** Customer indices of one phase, highest score first (cached per settings). */
  rankedInPhase(settings: ScoringSettings, phase: Phase): Uint32Array {
    const scored = this.score(settings);
    const key = this.last!.key;
    if (this.ranking?.key !== key) this.ranking = { key, byPhase: new Map() };
    const code = PHASE_CODE[phase];
    let ranked = this.ranking.byPhase.get(code);
    if (!ranked) {
      const members: number[] = [];
      for (let i = 0; i < scored.phase.length; i++) if (scored.phase[i] === code) members.push(i);
      const s = scored.score;
      members.sort((a, b) => s[b]! - s[a]! || (this.frame.customerIds[a]! < this.frame.customerIds[b]! ? -1 : 1));
      ranked = Uint32Array.from(members);
      this.ranking.byPhase.set(code, ranked);
    }
    return ranked;
  }

  explain(settings: ScoringSettings, index: number, top = 5): CustomerScore {
    const scored = this.score(settings);
    const { columns, means } = scored.normalised;
    const parts = contributions({ index, columns, weights: scored.weights, means });
    const described: Contribution[] = parts.slice(0, top).map(({ signal, points }) => {
      const info = this.frame.signals[signal]!;
      const raw = this.frame.values[signal]![index]!;
      const norm = columns[signal]![index]!;
      return {
        signalId: info.id,
        label: info.label,
        value: Number.isNaN(raw) ? null : raw,
        points: Math.round(points * 10) / 10,
        text: describeContribution(info, Number.isNaN(raw) ? null : raw, Number.isNaN(norm) ? null : norm, settings.normalisation),
      };
    });
    const score = scored.score[index]!;
    const phase = PHASE_NAMES[scored.phase[index]!]!;
    return {
      customerId: this.frame.customerIds[index]!,
      score: Math.round(score * 10) / 10,
      phase,
      explanation: explainInWords(phase, score, settings, described),
      contributions: described,
    };
  }
}

function explainInWords(phase: Phase, score: number, settings: ScoringSettings, parts: Contribution[]): string {
  const s = Math.round(score);
  const { consideration, decision } = settings.thresholds;
  const why =
    phase === 'retention'
      ? `purchased within ${settings.retention.purchaseWithinDays} days and active within ${settings.retention.activeWithinDays} days`
      : phase === 'decision'
        ? `intent score ${s} is at or above the decision threshold ${decision}`
        : phase === 'consideration'
          ? `intent score ${s} is between ${consideration} and ${decision}`
          : `intent score ${s} is below the consideration threshold ${consideration}`;
  const up = parts.filter((p) => p.points > 0.05).slice(0, 3);
  const down = parts.filter((p) => p.points < -0.05).slice(0, 2);
  const lifted = up.length ? ` Raised by ${up.map((p) => `${p.text} (+${p.points.toFixed(1)})`).join('; ')}.` : '';
  const lowered = down.length ? ` Lowered by ${down.map((p) => `${p.text} (${p.points.toFixed(1)})`).join('; ')}.` : '';
  return `${phase[0]!.toUpperCase()}${phase.slice(1)}: ${why}.${lifted}${lowered}`;
}
