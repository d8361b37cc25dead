// Numbers and identifiers as they appear in exported files: thousands separators, decimal commas,
// currency symbols, and ids that a spreadsheet turned into floats ("17850.0", "1.785E4").
// parseNumber and normaliseId run once per value on files of millions of rows, so they scan
// character codes by hand instead of running regular expressions, and allocate only when a value
// needs cleaning (grouping separators, decimal comma).

const C_0 = 48;
const C_9 = 57;
const C_PLUS = 43;
const C_MINUS = 45;
const C_DOT = 46;
const C_COMMA = 44;
const C_SPACE = 32;
const C_E = 69;
const C_e = 101;

function isDigit(c: number): boolean {
  return c >= C_0 && c <= C_9;
}

/** Whitespace a value may be padded with: space, tab, CR/LF, no-break and narrow no-break space. */
function isPad(c: number): boolean {
  return c === C_SPACE || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f;
}

/** £ $ € ¥: the currency symbols shop exports put in front of (or after) amounts. */
function isCurrency(c: number): boolean {
  return c === 0xa3 || c === 36 || c === 0x20ac || c === 0xa5;
}

/**
 * Parses a number written the way shop and CRM exports write them, or returns null when the
 * value is not a number. Accepts `1234.5`, `-3`, `+3`, `1,234.50`, `.5`, `1e3`, `£12.50`,
 * `-$3`, `12,50 €`; with `decimalComma`, `1.234,50`, `12,5` and `1 234,50` (space-grouped).
 * Grouping separators must sit between groups of exactly three digits, so `1,2` is rejected
 * without decimalComma: that is the signal that a column uses decimal commas.
 * Rejects '', 'NaN', 'Infinity', `12abc`, a lone sign or currency symbol.
 */
export function parseNumber(value: string, decimalComma = false): number | null {
  let start = 0;
  let end = value.length;
  while (start < end && isPad(value.charCodeAt(start))) start++;
  while (end > start && isPad(value.charCodeAt(end - 1))) end--;
  if (start === end) return null;

  let negative = false;
  let sawSign = false;
  let sawCurrency = false;
  // Sign and currency symbol in either order: "-£3", "£-3".
  for (let k = 0; k < 2 && start < end; k++) {
    const c = value.charCodeAt(start);
    if (!sawSign && (c === C_MINUS || c === C_PLUS)) {
      negative = c === C_MINUS;
      sawSign = true;
      start++;
    } else if (!sawCurrency && isCurrency(c)) {
      sawCurrency = true;
      start++;
      while (start < end && isPad(value.charCodeAt(start))) start++;
    }
  }
  if (!sawCurrency && end > start && isCurrency(value.charCodeAt(end - 1))) {
    end--;
    while (end > start && isPad(value.charCodeAt(end - 1))) end--;
  }
  if (start === end) return null;

  const decimalChar = decimalComma ? C_COMMA : C_DOT;
  const groupChar = decimalComma ? C_DOT : C_COMMA;
  let needsCleaning = decimalComma;
  let intDigits = 0; // digits before the decimal mark
  let groupRun = -1; // digits since the last grouping separator, -1 before the first one
  let fracDigits = 0;
  let sawDecimal = false;
  let i = start;

  for (; i < end; i++) {
    const c = value.charCodeAt(i);
    if (isDigit(c)) {
      if (sawDecimal) fracDigits++;
      else {
        intDigits++;
        if (groupRun >= 0) groupRun++;
      }
      continue;
    }
    const isGroup = c === groupChar || (decimalComma && (c === C_SPACE || c === 0xa0 || c === 0x202f));
    if (isGroup && !sawDecimal) {
      // The first group has 1-3 digits, every later group exactly 3.
      if (groupRun === -1 ? intDigits < 1 || intDigits > 3 : groupRun !== 3) return null;
      groupRun = 0;
      needsCleaning = true;
      continue;
    }
    if (c === decimalChar && !sawDecimal) {
      if (groupRun !== -1 && groupRun !== 3) return null;
      sawDecimal = true;
      continue;
    }
    break;
  }
  if (groupRun !== -1 && !sawDecimal && groupRun !== 3) return null;
  if (intDigits + fracDigits === 0) return null;

  // Optional exponent: 1.785E4, 2e-3.
  if (i < end) {
    const c = value.charCodeAt(i);
    if (c !== C_E && c !== C_e) return null;
    let j = i + 1;
    if (j < end && (value.charCodeAt(j) === C_PLUS || value.charCodeAt(j) === C_MINUS)) j++;
    const expStart = j;
    while (j < end && isDigit(value.charCodeAt(j))) j++;
    if (j === expStart || j !== end) return null;
  }

  let n: number;
  if (!needsCleaning) {
    n = Number(start === 0 && end === value.length ? value : value.slice(start, end));
  } else {
    let cleaned = '';
    for (let k = start; k < end; k++) {
      const c = value.charCodeAt(k);
      if (isDigit(c) || c === C_E || c === C_e || c === C_PLUS || c === C_MINUS) cleaned += value[k];
      else if (c === decimalChar) cleaned += '.';
      // grouping separators are dropped
    }
    n = Number(cleaned);
  }
  if (!Number.isFinite(n)) return null;
  if (negative) n = -n;
  return n === 0 ? 0 : n; // no -0
}

/**
 * True when the column's numbers are written with a decimal comma: strictly more sample values
 * parse with a decimal comma than with a decimal point. Values that read both ways (`1,234`,
 * `1.234`) count for both, so a column of only such values keeps the decimal point.
 */
export function detectDecimalComma(values: string[]): boolean {
  let point = 0;
  let comma = 0;
  for (const v of values) {
    if (v.trim() === '') continue;
    if (parseNumber(v, false) !== null) point++;
    if (parseNumber(v, true) !== null) comma++;
  }
  return comma > point;
}

/**
 * Canonical text of an identifier. Trims; an integral float written by a spreadsheet or pandas
 * (`17850.0`, `17850.00`) becomes `17850`; scientific notation with a one-digit mantissa and a
 * decimal point (`1.7850E4`, `1.785e+04`) becomes the integer when it is integral and exact.
 * Everything else is returned as written, including leading zeros (`00001`): ids are text.
 * A bare `12E4` is left alone because product codes can look like that.
 */
export function normaliseId(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isPad(value.charCodeAt(start))) start++;
  while (end > start && isPad(value.charCodeAt(end - 1))) end--;
  const trimmed = start === 0 && end === value.length ? value : value.slice(start, end);

  let i = start;
  let c = value.charCodeAt(i);
  if (c === C_MINUS || c === C_PLUS) i++;
  const intStart = i;
  while (i < end && isDigit(value.charCodeAt(i))) i++;
  const intDigits = i - intStart;
  if (intDigits === 0 || i === end || value.charCodeAt(i) !== C_DOT) return trimmed;
  const dot = i;
  i++;
  const fracStart = i;
  let allZero = true;
  while (i < end && isDigit((c = value.charCodeAt(i)))) {
    if (c !== C_0) allZero = false;
    i++;
  }
  const fracDigits = i - fracStart;
  if (fracDigits === 0) return trimmed;

  if (i === end) {
    // "17850.0": drop the zero fraction, keep the integer part exactly as written.
    return allZero ? value.slice(start, dot) : trimmed;
  }
  c = value.charCodeAt(i);
  if ((c !== C_E && c !== C_e) || intDigits !== 1) return trimmed;
  i++;
  if (i < end && (value.charCodeAt(i) === C_PLUS || value.charCodeAt(i) === C_MINUS)) i++;
  const expStart = i;
  while (i < end && isDigit(value.charCodeAt(i))) i++;
  if (i === expStart || i !== end) return trimmed;
  const n = Number(trimmed);
  return Number.isSafeInteger(n) ? String(n) : trimmed;
}
