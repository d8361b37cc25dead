import { describe, expect, it } from 'vitest';
import { countedLabel, countsSource, eventsRead, popupPlacement, eventTypeOptions, lastListItem, listItemsBefore, matchSuggestions, replaceLastListItem, suggestionKey, typesPhrase } from './suggestions.ts';

const values = [
  { value: 'Running shoes', count: 900 },
  { value: 'Trail shoes', count: 500 },
  { value: 'Socks', count: 300 },
  { value: 'running belt', count: 20 },
];

describe('suggestionKey', () => {
  it('does not depend on the order or repeats of the types', () => {
    expect(suggestionKey('product', ['purchase', 'add_to_cart', 'purchase'])).toBe(suggestionKey('product', ['add_to_cart', 'purchase']));
    expect(suggestionKey('product')).toBe('product|');
    expect(suggestionKey('product', ['purchase'])).not.toBe(suggestionKey('campaign', ['purchase']));
  });
});

describe('matchSuggestions', () => {
  it('offers everything, most frequent first, before anything is typed', () => {
    expect(matchSuggestions(values, '  ').map((s) => s.value)).toEqual(['Running shoes', 'Trail shoes', 'Socks', 'running belt']);
  });

  it('puts values starting with the text first, then values containing it, ignoring case', () => {
    expect(matchSuggestions(values, 'RUN').map((s) => s.value)).toEqual(['Running shoes', 'running belt']);
    expect(matchSuggestions(values, 'shoe').map((s) => s.value)).toEqual(['Running shoes', 'Trail shoes']);
    expect(matchSuggestions(values, 's').map((s) => s.value)).toEqual(['Socks', 'Running shoes', 'Trail shoes']);
    expect(matchSuggestions(values, 'boots')).toEqual([]);
  });

  it('leaves out values already chosen, and stops at the maximum', () => {
    expect(matchSuggestions(values, '', ['Socks', 'Trail shoes']).map((s) => s.value)).toEqual(['Running shoes', 'running belt']);
    expect(matchSuggestions(values, '', [], 2)).toHaveLength(2);
  });
});

describe('comma-separated lists', () => {
  it('finds the item being typed and replaces it with a suggestion, ready for the next', () => {
    expect(lastListItem('Socks, Run')).toBe('Run');
    expect(lastListItem('Soc')).toBe('Soc');
    expect(lastListItem('Socks, ')).toBe('');
    expect(listItemsBefore('Socks, Trail shoes, Ru')).toEqual(['Socks', 'Trail shoes']);
    expect(listItemsBefore('Ru')).toEqual([]);
    expect(replaceLastListItem('Socks, Ru', 'Running shoes')).toBe('Socks, Running shoes, ');
    expect(replaceLastListItem('', 'Socks')).toBe('Socks, ');
    expect(replaceLastListItem('Socks,, ', 'Belt')).toBe('Socks, Belt, ');
  });
});

describe('eventTypeOptions', () => {
  it('offers the types in the data with their counts, then the canonical types not seen, never the chosen ones', () => {
    const seen = [
      { value: 'page_view', events: 5000 },
      { value: 'purchase', events: 400 },
      { value: 'webinar_join', events: 12 },
    ];
    const o = eventTypeOptions(seen, ['purchase']);
    expect(o.seen).toEqual([
      { value: 'page_view', count: 5000 },
      { value: 'webinar_join', count: 12 },
    ]);
    expect(o.others).not.toContain('purchase');
    expect(o.others).not.toContain('page_view');
    expect(o.others[0]).toBe('session_start');
    expect(o.others).toContain('email_open');
    expect(o.others).toHaveLength(13);
  });

  it('offers the canonical types while the data is not known yet', () => {
    const o = eventTypeOptions(null, []);
    expect(o.seen).toEqual([]);
    expect(o.others).toHaveLength(15);
  });
});

describe('where the counts come from', () => {
  it('says which events were read', () => {
    expect(countsSource(300000)).toBe('Counts from the newest 300,000 events');
    expect(countsSource(300000, [], null, 2_000_000)).toBe('Counts from the newest 300,000 events');
    expect(countsSource(139054, [], null, 139054)).toBe('Counts from all 139,054 events');
    expect(countsSource(41200, ['purchase'], 300000)).toBe('Counts from the 41,200 purchase events among the newest 300,000 events');
    expect(countsSource(6913, ['purchase'], 139054, 139054)).toBe('Counts from the 6,913 purchase events among all 139,054 events');
    expect(countsSource(1, ['add_to_cart', 'purchase'], 300000)).toBe('Counts from the 1 add to cart or purchase event among the newest 300,000 events');
    expect(countsSource(41200, ['purchase'])).toBe('Counts from the 41,200 purchase events among the newest events');
    expect(eventsRead(300000, 5_000_000)).toBe('the newest 300,000 events');
    expect(eventsRead(120, 120)).toBe('all 120 events');
  });

  it('names the types in words', () => {
    expect(typesPhrase([])).toBe('');
    expect(typesPhrase(['email_open'])).toBe('email open');
    expect(typesPhrase(['purchase', 'return', 'login'])).toBe('purchase, return or login');
  });

  it('labels native options with their count', () => {
    expect(countedLabel('purchase', 12345)).toBe('purchase · 12,345');
  });
});

describe('popupPlacement', () => {
  const view = { width: 1024, height: 700 };
  it('opens below the input, at least 260 px wide', () => {
    expect(popupPlacement({ left: 100, top: 200, bottom: 226, width: 150 }, view)).toEqual({ left: 100, width: 260, top: 228, maxHeight: 464 });
  });
  it('opens above an input near the bottom, and stays inside the window', () => {
    expect(popupPlacement({ left: 900, top: 620, bottom: 646, width: 150 }, view)).toEqual({ left: 756, width: 260, bottom: 82, maxHeight: 610 });
  });
});
