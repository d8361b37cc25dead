// The page taxonomy editor: the rules core has saved, the analyst's edited copy, and saving it
// (which re-categorises the page views already imported). The edited copy lives here rather than
// in the component so switching Data tabs does not lose unsaved edits.
import type { TaxonomyRule } from '../../core/api/contract.ts';
import { api } from '../api/client.ts';
import { errorMessage } from '../lib/errors.ts';
import { plural } from '../lib/format.ts';
import { draftsChanged, draftsFromRules, newDraft, rulesFromDrafts, type TaxonomyDraft } from '../lib/taxonomy.ts';
import type { SliceCreator } from './types.ts';

export type DraftPatch = Partial<Omit<TaxonomyDraft, 'id'>>;

export interface TaxonomySlice {
  /** The rules as saved in the workspace; null until loaded. */
  taxonomy: TaxonomyRule[] | null;
  /** The editor's rows; null until loaded. */
  taxonomyDraft: TaxonomyDraft[] | null;
  taxonomyLoading: boolean;
  taxonomyError: string | null;
  taxonomySaving: boolean;
  /** The row to focus after "Add rule" (consumed by the editor). */
  taxonomyFocusId: number | null;
  /** Loads the rules unless there are unsaved edits (force reloads regardless). */
  loadTaxonomy(force?: boolean): Promise<void>;
  editTaxonomyRule(id: number, patch: DraftPatch): void;
  addTaxonomyRule(): void;
  removeTaxonomyRule(id: number): void;
  discardTaxonomyChanges(): void;
  saveTaxonomy(): Promise<boolean>;
  resetTaxonomy(): void;
  taxonomyFocused(): void;
}

/** True when the editor holds changes that are not saved. */
export function taxonomyDirty(s: Pick<TaxonomySlice, 'taxonomy' | 'taxonomyDraft'>): boolean {
  return s.taxonomy !== null && s.taxonomyDraft !== null && draftsChanged(s.taxonomy, s.taxonomyDraft);
}

// Answers for a workspace the UI has since left (or an older request) are dropped.
let loadToken = 0;

export const createTaxonomySlice: SliceCreator<TaxonomySlice> = (set, get) => {
  function editDrafts(update: (drafts: TaxonomyDraft[]) => TaxonomyDraft[]) {
    const drafts = get().taxonomyDraft;
    if (!drafts || get().taxonomySaving || get().workspace?.readonly) return;
    set({ taxonomyDraft: update(drafts) });
  }

  return {
    taxonomy: null,
    taxonomyDraft: null,
    taxonomyLoading: false,
    taxonomyError: null,
    taxonomySaving: false,
    taxonomyFocusId: null,

    async loadTaxonomy(force = false) {
      if (!get().workspace) return;
      if (!force && taxonomyDirty(get())) return;
      const token = ++loadToken;
      set({ taxonomyLoading: true, taxonomyError: null });
      try {
        const rules = await api.send('taxonomy-list', {});
        if (token !== loadToken) return;
        // Edits made while the list was on its way win over it.
        if (!force && taxonomyDirty(get())) set({ taxonomy: rules, taxonomyLoading: false });
        else set({ taxonomy: rules, taxonomyDraft: draftsFromRules(rules), taxonomyLoading: false });
      } catch (err) {
        if (token !== loadToken) return;
        set({ taxonomyLoading: false, taxonomyError: errorMessage(err) });
        get().reportError(err, 'Could not read the page taxonomy');
      }
    },

    editTaxonomyRule(id, patch) {
      editDrafts((drafts) => drafts.map((d) => (d.id === id ? { ...d, ...patch } : d)));
    },

    addTaxonomyRule() {
      const row = newDraft();
      editDrafts((drafts) => [...drafts, row]);
      if (get().taxonomyDraft?.some((d) => d.id === row.id)) set({ taxonomyFocusId: row.id });
    },

    removeTaxonomyRule(id) {
      editDrafts((drafts) => drafts.filter((d) => d.id !== id));
    },

    discardTaxonomyChanges() {
      const saved = get().taxonomy;
      if (!saved || get().taxonomySaving) return;
      set({ taxonomyDraft: draftsFromRules(saved) });
    },

    async saveTaxonomy() {
      const drafts = get().taxonomyDraft;
      const ws = get().workspace;
      if (!drafts || !ws || ws.readonly || get().taxonomySaving) return false;
      const rules = rulesFromDrafts(drafts);
      if (!rules) return false;
      const token = ++loadToken;
      set({ taxonomySaving: true });
      try {
        const result = await api.send('taxonomy-save', { rules, recategorise: true });
        if (token !== loadToken) return false;
        set({ taxonomy: result.rules, taxonomyDraft: draftsFromRules(result.rules), taxonomySaving: false });
        const n = result.eventsRecategorised;
        get().toast({
          kind: 'success',
          title: `Saved — ${plural(n, 'event')} re-categorised`,
          message: n > 0 ? 'Events with a URL now carry the page categories of these rules.' : 'No event changed its page category.',
        });
        // The open timeline shows page categories: show the new ones.
        if (n > 0) get().reloadTimeline();
        return true;
      } catch (err) {
        if (token === loadToken) set({ taxonomySaving: false });
        get().reportError(err, 'Could not save the page taxonomy');
        return false;
      }
    },

    resetTaxonomy() {
      loadToken++;
      set({ taxonomy: null, taxonomyDraft: null, taxonomyLoading: false, taxonomyError: null, taxonomySaving: false, taxonomyFocusId: null });
    },

    taxonomyFocused() {
      set({ taxonomyFocusId: null });
    },
  };
};
