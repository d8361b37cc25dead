// Canonical JSON (keys sorted at every level, no whitespace) and the SHA-256 a bundle carries over
// everything but itself: an edit after export — a changed weight, a different fingerprint — no
// longer matches.
import { createHash } from 'node:crypto';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

export function integrityOf(bundle: Record<string, unknown>): string {
  const { integrity: _integrity, ...rest } = bundle;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}
