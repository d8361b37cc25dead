// Generated cluster names an analyst can read at a glance: "Evening mobile prospects — high
// pricing views, low email open rate". The noun comes from the members' purchase history (every
// built-in signal is in the frame, whether or not it was clustered on); the adjectives from their
// timing and device habits; the detail from the clustered signals that set the cluster apart most.
import type { SignalInfo } from '../signals/types.ts';

/** Medians and shares of a cluster's members, from the built-in signals. */
export interface MemberPortrait {
  buyerShare: number;
  medianOrders: number | null;
  medianDaysSincePurchase: number | null;
  medianDaysSinceActive: number | null;
  /** z of the members' mean against everyone, for the habit signals (absent when not computed). */
  habitZ: Partial<Record<'evening_share_90d' | 'mobile_share_90d' | 'weekend_share_90d' | 'desktop_shift_30d', number>>;
}

const HABIT_WORDS: [keyof MemberPortrait['habitZ'], string][] = [
  ['evening_share_90d', 'Evening'],
  ['weekend_share_90d', 'Weekend'],
  ['mobile_share_90d', 'mobile'],
  ['desktop_shift_30d', 'desktop-bound'],
];
const HABIT_Z = 0.5;
const DETAIL_Z = 0.3;

function noun(p: MemberPortrait): string {
  if (p.medianDaysSinceActive !== null && p.medianDaysSinceActive > 180) return p.buyerShare >= 0.5 ? 'dormant buyers' : 'dormant visitors';
  if (p.buyerShare < 0.25) return 'prospects';
  const recency = p.medianDaysSincePurchase;
  if (recency === null || p.buyerShare < 0.5) return 'occasional buyers';
  if (recency <= 60 && (p.medianOrders ?? 0) >= 3) return 'loyal buyers';
  if (recency <= 90) return 'recent buyers';
  if (recency > 180) return 'lapsed buyers';
  return 'occasional buyers';
}

/** "Days with pricing views (30 d)" -> "days with pricing views". */
function shortLabel(label: string): string {
  const bare = label.replace(/\s*\([^)]*\)\s*$/, '');
  return bare.charAt(0).toLowerCase() + bare.slice(1);
}

/** "high days since last purchase" reads badly: recency, counts and the rest get their own words. */
export function describeDeviation(signal: Pick<SignalInfo, 'label' | 'unit'>, z: number): string {
  const label = shortLabel(signal.label);
  const since = /^days since (?:the )?(?:last )?(.+)$/.exec(label);
  if (since) return z > 0 ? `long since last ${since[1]}` : `recent ${since[1]}`;
  if (signal.unit === 'count') return `${z > 0 ? 'many' : 'few'} ${label}`;
  return `${z > 0 ? 'high' : 'low'} ${label}`;
}

export function clusterName(portrait: MemberPortrait, signals: readonly SignalInfo[], profile: readonly number[]): string {
  const habits = HABIT_WORDS.filter(([id]) => (portrait.habitZ[id] ?? 0) >= HABIT_Z).map(([, word]) => word);
  const head = [...habits, noun(portrait)].join(' ');
  const details = profile
    .map((z, t) => ({ z, signal: signals[t]! }))
    .filter((x) => Math.abs(x.z) >= DETAIL_Z && !HABIT_WORDS.some(([id]) => id === x.signal.id && habits.length > 0))
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
    .slice(0, 2)
    .map((x) => describeDeviation(x.signal, x.z));
  const title = head.charAt(0).toUpperCase() + head.slice(1);
  return details.length ? `${title} — ${details.join(', ')}` : title;
}

/** Appends " (2)", " (3)" ... to repeated names, in order. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}
