import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, isFiltered, toApiFilter } from './customerFilter.ts';

describe('customer filter', () => {
  it('sends only what is set', () => {
    expect(toApiFilter(EMPTY_FILTER)).toEqual({});
    expect(toApiFilter({ text: '  berlin ', country: 'DE', minPurchases: 3 })).toEqual({ text: 'berlin', country: 'DE', minPurchases: 3 });
  });

  it('treats blanks and zero purchases as no filter', () => {
    expect(toApiFilter({ text: '   ', country: '', minPurchases: 0 })).toEqual({});
    expect(isFiltered({ text: ' ', country: '', minPurchases: 0 })).toBe(false);
    expect(isFiltered({ text: '', country: 'FR', minPurchases: null })).toBe(true);
  });

  it('keeps within the contract limits', () => {
    expect(toApiFilter({ text: 'x'.repeat(300), country: '', minPurchases: 2.7 })).toEqual({ text: 'x'.repeat(200), minPurchases: 2 });
  });
});
