import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPersonal, normaliseEmail, normaliseName, normalisePhone } from './personal.ts';

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  John.Smith@Example.COM \t')).toBe('john.smith@example.com');
  });
});

describe('normalisePhone', () => {
  it.each([
    ['+44 7700 900123', undefined, '+447700900123'],
    ['+1 (555) 123-4567', undefined, '+15551234567'],
    ['0044 7700 900123', undefined, '+447700900123'],
    ["'+44 7700-900.123", undefined, '+447700900123'], // spreadsheet text prefix
    ['07700 900123', '+44', '+447700900123'],
    ['07700 900123', '44', '+447700900123'],
    ['(555) 123-4567', '+1', '+15551234567'],
    ['447700900123', '+44', '+447700900123'], // already has its country code
    ['07700 900123', undefined, '07700900123'], // national, country unknown
    ['447700900123', undefined, '+447700900123'],
    ['', '+44', ''],
    ['n/a', '+44', ''],
  ])('normalises %j (default %s) to %j', (input, cc, expected) => {
    expect(normalisePhone(input, cc)).toBe(expected);
  });
});

describe('normaliseName', () => {
  it('trims, collapses spaces and lower-cases, composing accents', () => {
    expect(normaliseName('  Zoe\u0301   O’Brien ')).toBe('zoé o’brien');
  });
});

describe('hashPersonal', () => {
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');

  it('is the lowercase hex SHA-256 of the normalised value', () => {
    expect(hashPersonal('email', ' John@Example.com ')).toBe(sha('john@example.com'));
    expect(hashPersonal('email', 'john@example.com')).toBe('855f96e983f1f8e8be944692b6f719fd54329826cb62e98015efee8e2e071dd4');
    expect(hashPersonal('phone', '+44 7700 900123')).toBe(sha('+447700900123'));
    expect(hashPersonal('phone', '07700 900123', '+44')).toBe(sha('+447700900123'));
    expect(hashPersonal('name', ' Ann  LEE ')).toBe(sha('ann lee'));
    expect(hashPersonal('email', 'x')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives an empty string, not the hash of nothing, for blank values', () => {
    expect(hashPersonal('email', '   ')).toBe('');
    expect(hashPersonal('phone', '--')).toBe('');
  });
});
