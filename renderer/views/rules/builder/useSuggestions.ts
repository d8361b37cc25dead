// The suggestion sources of the condition editors, from the Rules slice's cache: values of an
// event field among the chosen event types, customer attribute keys, countries.
import { useCallback, useMemo } from 'react';
import { useApp } from '../../../store/index.ts';
import type { SuggestSource } from './SuggestInput.tsx';
import { countsSource, suggestionKey, type SuggestField } from './suggestions.ts';

/** The event types in the newest events (also tells how many events the suggestions read). */
export function useEventTypeCounts() {
  return useApp((s) => s.rulesFieldValues[suggestionKey('type')]);
}

/** Values of an event field among `types` (all events when none), counted in the newest events. */
export function useEventValueSource(field: SuggestField, types: readonly string[]): SuggestSource {
  const key = suggestionKey(field, types);
  const entry = useApp((s) => s.rulesFieldValues[key]);
  const newest = useEventTypeCounts()?.scanned ?? null;
  const total = useApp((s) => s.workspace?.events ?? null);
  const loadValues = useApp((s) => s.loadRuleFieldValues);
  // The key stands for the field and types: the same types in a new array are the same request.
  const load = useCallback(() => {
    loadValues('type');
    loadValues(field, types);
  }, [loadValues, key]);
  return useMemo(
    () => ({
      suggestions: entry?.values?.map((v) => ({ value: v.value, count: v.events })) ?? null,
      loading: entry?.loading ?? false,
      error: entry?.error ?? null,
      unit: 'events',
      note: entry?.scanned != null ? countsSource(entry.scanned, types, newest, total) : null,
      emptyText: types.length ? 'No value seen for these events.' : 'No value seen.',
      load,
    }),
    [entry, newest, total, load],
  );
}

export function useAttributeKeySource(): SuggestSource {
  const entry = useApp((s) => s.rulesAttributeKeys);
  const load = useApp((s) => s.loadRuleAttributeKeys);
  return useMemo(
    () => ({
      suggestions: entry?.keys?.map((k) => ({ value: k.key, count: k.customers })) ?? null,
      loading: entry?.loading ?? false,
      error: entry?.error ?? null,
      unit: 'customers',
      note: 'Counts from a sample of the customers',
      emptyText: 'The customers have no extra columns.',
      load,
    }),
    [entry, load],
  );
}

const noop = () => {};

export function useCountrySource(): SuggestSource {
  const countries = useApp((s) => s.rulesCountries);
  return useMemo(
    () => ({
      suggestions: countries?.map((c) => ({ value: c.country, count: c.customers })) ?? null,
      loading: countries === null,
      error: null,
      unit: 'customers',
      note: 'Customers per country',
      emptyText: 'No countries in the data.',
      load: noop,
    }),
    [countries],
  );
}
