import { describe, expect, it } from 'vitest';
import { detectDecimalComma, normaliseId, parseNumber } from './numbers.ts';

describe('parseNumber', () => {
  it.each([
    ['1234.5', 1234.5],
    ['-3', -3],
    ['+3', 3],
    ['0', 0],
    ['-0', 0],
    ['1,234.50', 1234.5],
    ['1,234,567', 1234567],
    ['.5', 0.5],
    ['5.', 5],
    ['  42  ', 42],
    ['\t7\r', 7],
    ['£12.50', 12.5],
    ['$ 3', 3],
    ['€1,000', 1000],
    ['-£3.20', -3.2],
    ['£-3.20', -3.2],
    ['12.50 €', 12.5],
    ['1e3', 1000],
    ['1.785E4', 17850],
    ['2.5e-1', 0.25],
    ['0.1', 0.1],
    ['11.77', 11.77],
  ])('reads %j as %d', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  it.each(['', '   ', 'NaN', 'Infinity', '-Infinity', '12abc', 'abc', '-', '+', '.', '£', '1,2', '12,34', '1234,567', '1,23,456', '1..2', '1.2.3', '0x10', '1e', '1e+', '12 34', '--3', '££3', '3-'])(
    'rejects %j',
    (text) => {
      expect(parseNumber(text)).toBeNull();
    },
  );

  it('reads decimal commas and dot or space grouping when asked to', () => {
    expect(parseNumber('1.234,50', true)).toBe(1234.5);
    expect(parseNumber('12,5', true)).toBe(12.5);
    expect(parseNumber('-0,75', true)).toBe(-0.75);
    expect(parseNumber('1 234,50', true)).toBe(1234.5);
    expect(parseNumber('1\u00a0234,50 €', true)).toBe(1234.5);
    expect(parseNumber('3', true)).toBe(3);
    // With a decimal comma, a dot is a thousands separator: "12.5" is not a number.
    expect(parseNumber('12.5', true)).toBeNull();
    expect(parseNumber('1,2,3', true)).toBeNull();
  });

  it('reads grouped values the same in both conventions when the groups are of three', () => {
    expect(parseNumber('1,234')).toBe(1234);
    expect(parseNumber('1.234', true)).toBe(1234);
  });
});

describe('detectDecimalComma', () => {
  it('is true when more values read with a decimal comma', () => {
    expect(detectDecimalComma(['12,5', '3,25', '1.234,50', '7'])).toBe(true);
  });
  it('is false for decimal points and thousands commas', () => {
    expect(detectDecimalComma(['12.5', '1,234.50', '3'])).toBe(false);
  });
  it('keeps the decimal point when every value reads both ways', () => {
    expect(detectDecimalComma(['1,234', '2,500'])).toBe(false);
    expect(detectDecimalComma(['1.234'])).toBe(false);
  });
  it('ignores blanks and is false for no values', () => {
    expect(detectDecimalComma(['', '  '])).toBe(false);
    expect(detectDecimalComma(['', '0,5'])).toBe(true);
  });
});

describe('normaliseId', () => {
  it.each([
    ['17850.0', '17850'],
    ['17850.00', '17850'],
    [' 17850.0 ', '17850'],
    ['-3.0', '-3'],
    ['0.0', '0'],
    ['1.7850E4', '17850'],
    ['1.785e+04', '17850'],
    ['1.5E0', '1.5E0'], // not integral: left as written
    ['17850.5', '17850.5'],
    ['00001', '00001'],
    ['0001.0', '0001'],
    ['85123A', '85123A'],
    ['12E4', '12E4'], // could be a product code
    ['C536379', 'C536379'],
    ['abc@example.com', 'abc@example.com'],
    ['17850.', '17850.'],
    ['', ''],
    ['  ', ''],
    ['1.23E+20', '1.23E+20'], // beyond exact integers
  ])('normalises %j to %j', (text, expected) => {
    expect(normaliseId(text)).toBe(expected);
  });
});
