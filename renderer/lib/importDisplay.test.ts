import { describe, expect, it } from 'vitest';
import { describeErasure, displayFileName } from './importDisplay.ts';

describe('import display', () => {
  it('shows an uploaded copy under its original name', () => {
    expect(displayFileName('/home/ana/.segwb/uploads/1795379801236-a9fc90-orders 2024.csv')).toEqual({ name: 'orders 2024.csv', uploaded: true });
    expect(displayFileName('C:\\Users\\ana\\segwb\\uploads\\1795379801236-a9fc90-x.tsv')).toEqual({ name: 'x.tsv', uploaded: true });
    expect(displayFileName('/data/online_retail.csv')).toEqual({ name: 'online_retail.csv', uploaded: false });
    expect(displayFileName('/data/uploads/notes.csv')).toEqual({ name: 'notes.csv', uploaded: false });
  });

  it('describes an erasure from its row counts', () => {
    expect(describeErasure({ events: 10, ground_truth: 0, customer_stats: 1, customers: 1 })).toBe('10 events, the customer row and their figures deleted');
    expect(describeErasure({ events: 1, ground_truth: 18, customer_stats: 1, customers: 1 })).toBe(
      '1 event, the customer row, their figures and 18 months of hidden behaviour type deleted',
    );
    expect(describeErasure({ events: 0, customers: 1, signals: 2 })).toBe('0 events, the customer row and 2 other rows deleted');
  });
});
