// The customer opened from the table: details and the event timeline, with a type filter.
import type { CustomerDetail, Timeline } from '../../core/api/contract.ts';
import { api } from '../api/client.ts';
import { errorMessage, isCancelled } from '../lib/errors.ts';
import { describeErasure } from '../lib/importDisplay.ts';
import type { SliceCreator } from './types.ts';

/** Newest events loaded at first; "Show more" raises it up to the API's maximum. */
export const TIMELINE_PAGE = 500;
export const TIMELINE_MAX = 5000;

export interface TimelineSlice {
  /** The customer whose panel is open, or null. */
  customerId: string | null;
  detail: CustomerDetail | null;
  detailError: string | null;
  timeline: Timeline | null;
  timelineLoading: boolean;
  timelineError: string | null;
  timelineLimit: number;
  /** Event types shown; empty means all. */
  typeFilter: string[];
  openCustomer(customerId: string): Promise<void>;
  closeCustomer(): void;
  toggleTypeFilter(type: string): void;
  clearTypeFilter(): void;
  loadMoreEvents(): void;
  /** Re-reads the open customer's events after they changed (e.g. re-categorised pages). */
  reloadTimeline(): void;
  /** The customer waiting for the analyst to confirm erasure; null when no confirmation is shown. */
  eraseTarget: { customerId: string; name: string | null; events: number | null } | null;
  erasing: boolean;
  askEraseCustomer(): void;
  cancelErase(): void;
  confirmErase(): Promise<void>;
}

// Ignore answers for a customer (or filter) the user has already moved away from.
let requestToken = 0;

export const createTimelineSlice: SliceCreator<TimelineSlice> = (set, get) => {
  async function loadTimeline() {
    const { customerId, typeFilter, timelineLimit } = get();
    if (!customerId) return;
    const token = ++requestToken;
    set({ timelineLoading: true, timelineError: null });
    try {
      const timeline = await api.send('customer-timeline', {
        customerId,
        limit: timelineLimit,
        ...(typeFilter.length > 0 ? { types: typeFilter } : {}),
      });
      if (token !== requestToken) return;
      set({ timeline, timelineLoading: false });
    } catch (err) {
      if (token !== requestToken || isCancelled(err)) return;
      get().reportError(err, 'Could not load the timeline');
      set({ timelineLoading: false, timelineError: errorMessage(err) });
    }
  }

  return {
    customerId: null,
    detail: null,
    detailError: null,
    timeline: null,
    timelineLoading: false,
    timelineError: null,
    timelineLimit: TIMELINE_PAGE,
    typeFilter: [],
    eraseTarget: null,
    erasing: false,

    async openCustomer(customerId) {
      if (get().customerId === customerId && (get().detail || get().timelineLoading)) return;
      set({
        customerId,
        detail: null,
        detailError: null,
        timeline: null,
        timelineError: null,
        typeFilter: [],
        timelineLimit: TIMELINE_PAGE,
      });
      void loadTimeline();
      try {
        const detail = await api.send('customer-get', { customerId });
        if (get().customerId !== customerId) return;
        set({ detail });
      } catch (err) {
        if (get().customerId !== customerId || isCancelled(err)) return;
        get().reportError(err, 'Could not load the customer');
        set({ detailError: errorMessage(err) });
      }
    },

    closeCustomer() {
      requestToken++;
      set({ customerId: null, detail: null, timeline: null, detailError: null, timelineError: null, typeFilter: [], timelineLoading: false });
    },

    toggleTypeFilter(type) {
      const cur = get().typeFilter;
      set({ typeFilter: cur.includes(type) ? cur.filter((t) => t !== type) : [...cur, type], timelineLimit: TIMELINE_PAGE });
      void loadTimeline();
    },

    clearTypeFilter() {
      if (get().typeFilter.length === 0) return;
      set({ typeFilter: [], timelineLimit: TIMELINE_PAGE });
      void loadTimeline();
    },

    loadMoreEvents() {
      set((s) => ({ timelineLimit: Math.min(TIMELINE_MAX, s.timelineLimit * 2) }));
      void loadTimeline();
    },

    reloadTimeline() {
      if (get().customerId) void loadTimeline();
    },

    askEraseCustomer() {
      const { customerId, detail, timeline } = get();
      if (!customerId) return;
      set({ eraseTarget: { customerId, name: detail?.name ?? null, events: detail?.events ?? timeline?.total ?? null } });
    },

    cancelErase() {
      if (get().erasing) return;
      set({ eraseTarget: null });
    },

    async confirmErase() {
      const target = get().eraseTarget;
      if (!target || get().erasing) return;
      set({ erasing: true });
      try {
        const { rowsDeleted } = await api.send('customer-erase', { customerId: target.customerId });
        set({ erasing: false, eraseTarget: null });
        if (get().customerId === target.customerId) get().closeCustomer();
        get().toast({ kind: 'success', title: 'Customer erased', message: `${describeErasure(rowsDeleted)}. The erasure is recorded without personal data.` });
        await get().refreshWorkspaceInfo();
        get().refreshCustomers();
      } catch (err) {
        set({ erasing: false, eraseTarget: null });
        get().reportError(err, 'The customer could not be erased');
      }
    },
  };
};
