// Signal values and contributions in words, for explanations in the app, the CLI and exports.
import type { SignalInfo } from './types.ts';

export function formatSignalValue(info: Pick<SignalInfo, 'unit'>, value: number | null): string {
  if (value === null || Number.isNaN(value)) return 'unknown';
  switch (info.unit) {
    case 'days':
      return value < 1 ? 'less than a day' : `${Math.round(value).toLocaleString('en-US')} day${Math.round(value) === 1 ? '' : 's'}`;
    case 'count':
      return Math.round(value).toLocaleString('en-US');
    case 'money':
      return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'share':
      return `${Math.round(value * 100)}%`;
    case 'hour': {
      const h = Math.floor(value);
      const m = Math.floor((value - h) * 60);
      return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    }
    case 'ratio':
    case 'index':
      return value.toFixed(2);
  }
}

/**
 * "Pricing page views (30 d): 4, more intent than 97% of customers". With percentile scaling the
 * normalised value is exactly that share; with robust z it is a position on a ±3 MAD scale.
 */
export function describeContribution(info: SignalInfo, value: number | null, normalised: number | null, method: 'percentile' | 'robust-z'): string {
  const base = `${info.label}: ${formatSignalValue(info, value)}`;
  if (normalised === null || Number.isNaN(normalised)) return `${base} (unknown, so it does not count)`;
  if (method === 'percentile') {
    const pct = Math.min(99, Math.round(normalised * 100));
    return pct >= 50 ? `${base}, more intent than ${pct}% of customers` : `${base}, less than most customers`;
  }
  if (normalised >= 0.6) return `${base}, well above the typical customer`;
  if (normalised <= 0.4) return `${base}, below the typical customer`;
  return `${base}, about typical`;
}
