import { describe, expect, it } from 'vitest';
import { contract } from '../../core/api/contract.ts';
import { describeDraft, draftToSignal, emptyDraft, idFromLabel, splitList } from './customSignalForm.ts';

describe('idFromLabel', () => {
  it('proposes a valid id', () => {
    expect(idFromLabel('Gift-card views (30 d)')).toBe('gift_card_views_30_d');
    expect(idFromLabel('Größe prüfen')).toBe('grosse_prufen');
    expect(idFromLabel('30 day returns')).toBe('s_30_day_returns');
    expect(idFromLabel('x')).toBe('x_signal');
    expect(idFromLabel('!!!')).toBe('');
    expect(idFromLabel('a'.repeat(60))).toHaveLength(40);
  });
});

describe('splitList', () => {
  it('splits on commas and lines, trims and dedupes', () => {
    expect(splitList(' pricing, faq,,pricing\n returns ')).toEqual(['pricing', 'faq', 'returns']);
    expect(splitList('')).toEqual([]);
  });
});

describe('draftToSignal', () => {
  it('builds a signal the contract accepts', () => {
    const d = { ...emptyDraft(), label: 'Gift card views', id: 'gift_card_views', types: ['page_view'], urlContains: '/gift', windowDays: '60' };
    const { signal, errors } = draftToSignal(d);
    expect(errors).toEqual({});
    expect(signal).toEqual({
      id: 'gift_card_views',
      label: 'Gift card views',
      description: '',
      filter: { types: ['page_view'], urlContains: '/gift' },
      aggregation: 'count',
      windowDays: 60,
    });
    expect(contract['signal-save'].args.safeParse({ signal }).success).toBe(true);
  });

  it('treats an empty window as all history and keeps per and direction for rates', () => {
    const d = { ...emptyDraft(), label: 'Clicks per session', id: 'clicks_per_session', aggregation: 'rate' as const, per: 'sessions_30d', windowDays: '', direction: 'less' as const };
    const { signal } = draftToSignal(d);
    expect(signal).toMatchObject({ windowDays: null, per: 'sessions_30d', direction: -1 });
    expect(contract['signal-save'].args.safeParse({ signal }).success).toBe(true);
  });

  it('says what is missing', () => {
    const { signal, errors } = draftToSignal({ ...emptyDraft(), aggregation: 'rate', windowDays: '0' });
    expect(signal).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['id', 'label', 'per', 'windowDays']);
  });
});

describe('describeDraft', () => {
  it('reads like the catalogue description', () => {
    expect(describeDraft({ ...emptyDraft(), types: ['page_view'], pageCategories: 'pricing, faq' })).toBe(
      'Number of events with type page_view, page category pricing or faq in the 30 days before the as-of date.',
    );
    expect(describeDraft({ ...emptyDraft(), aggregation: 'rate', windowDays: '' })).toBe('Number of all events in all history, per ….');
  });
});
