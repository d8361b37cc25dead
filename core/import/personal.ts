// Personal fields (email, phone, name) normalised the way ad platforms match customer lists
// (Google Customer Match, Meta custom audiences): normalise, then SHA-256 as lowercase hex. The
// same rules are used when a workspace hashes at import, so exported hashes match uploads.
import { createHash } from 'node:crypto';

/** Trimmed and lower-cased: the rule both Google and Meta apply before hashing an email. */
export function normaliseEmail(s: string): string {
  return s.trim().toLowerCase();
}

/**
 * E.164-like: `+` and digits only; spaces, dashes, dots, brackets and other characters are
 * dropped. A leading `+` or `00` marks an international number. Otherwise, with a
 * `defaultCountryCode` ('+44' or '44'): a national number with a single trunk `0`
 * (07700 900123) gets the code instead of the 0; a number of at most 10 digits without a 0 gets
 * the code in front (US 555 123 4567); a longer one is taken to include its country code already.
 * Without a default code a national number cannot be made international and is returned as
 * digits, without `+`. No digits at all: ''.
 */
export function normalisePhone(s: string, defaultCountryCode?: string): string {
  let digits = '';
  let plus = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += s[i];
    else if (c === 43 /* + */ && digits === '') plus = true;
  }
  if (digits === '') return '';
  if (plus) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  const cc = defaultCountryCode?.replace(/\D/g, '') ?? '';
  if (cc === '') return digits.startsWith('0') ? digits : `+${digits}`;
  if (digits.startsWith('0')) return `+${cc}${digits.slice(1)}`;
  return digits.length <= 10 ? `+${cc}${digits}` : `+${digits}`;
}

/** Trimmed, inner whitespace collapsed to one space, lower-cased (Unicode NFC so é matches é). */
export function normaliseName(s: string): string {
  return s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Lowercase hex SHA-256 of the normalised value. An empty normalised value gives '' rather
 * than the hash of '': that hash would be identical for every blank and link unrelated rows.
 * Phones are normalised without a default country code unless one is given.
 */
export function hashPersonal(kind: 'email' | 'phone' | 'name', value: string, defaultCountryCode?: string): string {
  const normalised =
    kind === 'email' ? normaliseEmail(value) : kind === 'phone' ? normalisePhone(value, defaultCountryCode) : normaliseName(value);
  if (normalised === '') return '';
  return createHash('sha256').update(normalised, 'utf8').digest('hex');
}
