// What the builder's pickers offer: event types, filter values (products, campaigns...) and
// attribute keys seen in the data, with how often each occurs. Core counts them in the newest
// events (a bounded slice, so they answer fast on any workspace); these helpers match what is
// typed, keep the canonical event types on offer, and say where the counts come from.
import type { EVENT_TEXT_FIELDS } from '../../../../core/api/contract.ts';
import { formatInt } from '../../../lib/format.ts';
import { EVENT_TYPE_CHOICES, eventTypeLabel } from './ruleDisplay.ts';

/** The fields core suggests values for (`event-field-values`). */
export type SuggestField = (typeof EVENT_TEXT_FIELDS)[number] | 'type';

/** Values asked for per field: the most frequent ones; anything else can still be typed. */
export const SUGGESTION_LIMIT = 200;
/** Rows shown in a suggestion list at most (it scrolls). */
export const SHOWN_SUGGESTIONS = 60;

export interface Suggestion {
  value: string;
  count: number;
}

/** The cache key of a field's values among the chosen event types (order and repeats do not matter). */
export function suggestionKey(field: SuggestField, types: readonly string[] = []): string {
  return `${field}|${[...new Set(types)].sort().join(',')}`;
}

/**
 * Suggestions for what is typed: values starting with it first, then values containing it (case
 * does not matter), each group most frequent first as given; values in `exclude` are left out.
 */
export function matchSuggestions(all: readonly Suggestion[], query: string, exclude: readonly string[] = [], max = SHOWN_SUGGESTIONS): Suggestion[] {
  const q = query.trim().toLowerCase();
  const skip = new Set(exclude);
  const starts: Suggestion[] = [];
  const contains: Suggestion[] = [];
  for (const s of all) {
    if (skip.has(s.value)) continue;
    const v = s.value.toLowerCase();
    if (q === '' || v.startsWith(q)) starts.push(s);
    else if (v.includes(q)) contains.push(s);
  }
  return [...starts, ...contains].slice(0, max);
}

/** The item of a comma-separated list being typed: what follows the last comma. */
export function lastListItem(text: string): string {
  const cut = text.lastIndexOf(',');
  return (cut < 0 ? text : text.slice(cut + 1)).trim();
}

/** The items before the one being typed. */
export function listItemsBefore(text: string): string[] {
  const cut = text.lastIndexOf(',');
  if (cut < 0) return [];
  return text
    .slice(0, cut)
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The list with the item being typed replaced by `value`, ready for the next one ("a, b, "). */
export function replaceLastListItem(text: string, value: string): string {
  return [...listItemsBefore(text), value].join(', ') + ', ';
}

export interface EventTypeOptions {
  /** Types seen in the newest events, most frequent first. */
  seen: Suggestion[];
  /** Canonical types not seen there, in journey order. */
  others: string[];
}

/** Event types to offer besides those already chosen: the ones in the data with counts, then the canonical rest. */
export function eventTypeOptions(seen: ReadonlyArray<{ value: string; events: number }> | null, chosen: readonly string[]): EventTypeOptions {
  const taken = new Set(chosen);
  const inData = (seen ?? []).filter((s) => !taken.has(s.value)).map((s) => ({ value: s.value, count: s.events }));
  const present = new Set((seen ?? []).map((s) => s.value));
  return { seen: inData, others: EVENT_TYPE_CHOICES.filter((t) => !taken.has(t) && !present.has(t)) };
}

/** "purchase", "purchase or add to cart", "purchase, return or login" */
export function typesPhrase(types: readonly string[]): string {
  const labels = [...new Set(types)].map(eventTypeLabel);
  if (labels.length <= 1) return labels[0] ?? '';
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

/** "the newest 300,000 events", or "all 139,054 events" when they are every event (`total`, when known). */
export function eventsRead(newest: number, total: number | null = null): string {
  return total !== null && newest >= total ? `all ${formatInt(newest)} events` : `the newest ${formatInt(newest)} events`;
}

/**
 * Where the counts come from: "from the newest 300,000 events", or for values among some event
 * types "from the 41,200 purchase events among the newest 300,000 events" (`window`: the newest
 * events read, when known; `total`: the events in the workspace, when known).
 */
export function countsSource(scanned: number, types: readonly string[] = [], window: number | null = null, total: number | null = null): string {
  if (types.length === 0) return `Counts from ${eventsRead(scanned, total)}`;
  const which = `${formatInt(scanned)} ${typesPhrase(types)} ${scanned === 1 ? 'event' : 'events'}`;
  return window !== null && window >= scanned ? `Counts from the ${which} among ${eventsRead(window, total)}` : `Counts from the ${which} among the newest events`;
}

/** An option's label in a native select: "purchase · 12,345". */
export function countedLabel(label: string, count: number): string {
  return `${label} · ${formatInt(count)}`;
}

const POPUP_MIN_WIDTH = 260;
const POPUP_MAX_WIDTH = 440;
const MARGIN = 8;

export interface PopupPlacement {
  left: number;
  width: number;
  top?: number;
  bottom?: number;
  maxHeight: number;
}

/** A suggestion list below the input, or above it when there is more room there; never past the window's edges. */
export function popupPlacement(anchor: { left: number; top: number; bottom: number; width: number }, view: { width: number; height: number }): PopupPlacement {
  const width = Math.max(0, Math.min(POPUP_MAX_WIDTH, Math.max(POPUP_MIN_WIDTH, anchor.width), view.width - 2 * MARGIN));
  const left = Math.max(MARGIN, Math.min(anchor.left, view.width - width - MARGIN));
  const below = view.height - anchor.bottom - MARGIN;
  const above = anchor.top - MARGIN;
  if (below >= 180 || below >= above) return { left, width, top: anchor.bottom + 2, maxHeight: Math.max(120, below - 2) };
  return { left, width, bottom: view.height - anchor.top + 2, maxHeight: above - 2 };
}
