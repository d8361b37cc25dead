import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TaxonomyRule } from '../../core/api/contract.ts';
import { send, sliceStore, testWorkspace } from './slices.test-support.ts';

vi.mock('../api/client.ts', () => import('./slices.test-support.ts').then((m) => m.fakeApiClient));

const { createTaxonomySlice, taxonomyDirty } = await import('./taxonomySlice.ts');

const RULES: TaxonomyRule[] = [
  { pattern: '/faq', match: 'contains', category: 'faq', priority: 10 },
  { pattern: '/help', match: 'contains', category: 'faq', priority: 20 },
];

/** The taxonomy slice in an empty workspace. */
function makeStore(readonly = false) {
  const reloadTimeline = vi.fn();
  const workspace = testWorkspace({ readonly, schemaVersion: 1, customers: 0, events: 0, firstEventAt: null, lastEventAt: null, imports: 0 });
  return { ...sliceStore(createTaxonomySlice, { reloadTimeline }, workspace), reloadTimeline };
}

beforeEach(() => {
  send.mockReset();
});

describe('taxonomy slice', () => {
  it('loads the rules into an editable copy that is not dirty', async () => {
    send.mockResolvedValueOnce(RULES);
    const { store } = makeStore();
    await store.getState().loadTaxonomy();
    expect(send).toHaveBeenCalledWith('taxonomy-list', {});
    expect(store.getState().taxonomyDraft?.map((d) => d.pattern)).toEqual(['/faq', '/help']);
    expect(taxonomyDirty(store.getState())).toBe(false);
  });

  it('keeps unsaved edits when the tab is opened again, and Discard restores the saved rules', async () => {
    send.mockResolvedValue(RULES);
    const { store } = makeStore();
    await store.getState().loadTaxonomy();
    const id = store.getState().taxonomyDraft![0]!.id;
    store.getState().editTaxonomyRule(id, { category: 'help' });
    expect(taxonomyDirty(store.getState())).toBe(true);
    await store.getState().loadTaxonomy();
    expect(send).toHaveBeenCalledTimes(1);
    expect(store.getState().taxonomyDraft![0]!.category).toBe('help');
    store.getState().discardTaxonomyChanges();
    expect(store.getState().taxonomyDraft![0]!.category).toBe('faq');
    expect(taxonomyDirty(store.getState())).toBe(false);
  });

  it('saves trimmed rules with recategorise and announces how many events changed', async () => {
    send.mockResolvedValueOnce(RULES);
    const { store, toast, reloadTimeline } = makeStore();
    await store.getState().loadTaxonomy();
    store.getState().addTaxonomyRule();
    const added = store.getState().taxonomyDraft!.at(-1)!;
    expect(store.getState().taxonomyFocusId).toBe(added.id);
    store.getState().editTaxonomyRule(added.id, { match: 'regex', pattern: ' ^/gift-cards ', category: 'gift_cards', priority: '5' });
    const saved: TaxonomyRule[] = [{ pattern: '^/gift-cards', match: 'regex', category: 'gift_cards', priority: 5 }, ...RULES];
    send.mockResolvedValueOnce({ rules: saved, eventsRecategorised: 1234 });
    expect(await store.getState().saveTaxonomy()).toBe(true);
    expect(send).toHaveBeenLastCalledWith('taxonomy-save', {
      rules: [...RULES, { pattern: '^/gift-cards', match: 'regex', category: 'gift_cards', priority: 5 }],
      recategorise: true,
    });
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ kind: 'success', title: 'Saved — 1,234 events re-categorised' }));
    expect(reloadTimeline).toHaveBeenCalled();
    // The list comes back in core's order and is the new baseline.
    expect(store.getState().taxonomyDraft!.map((d) => d.pattern)).toEqual(['^/gift-cards', '/faq', '/help']);
    expect(taxonomyDirty(store.getState())).toBe(false);
  });

  it('does not send a list with an invalid regex', async () => {
    send.mockResolvedValueOnce(RULES);
    const { store } = makeStore();
    await store.getState().loadTaxonomy();
    store.getState().editTaxonomyRule(store.getState().taxonomyDraft![0]!.id, { match: 'regex', pattern: '/faq(' });
    expect(await store.getState().saveTaxonomy()).toBe(false);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('reports a failed save and keeps the edits', async () => {
    send.mockResolvedValueOnce(RULES);
    const { store, reportError } = makeStore();
    await store.getState().loadTaxonomy();
    store.getState().removeTaxonomyRule(store.getState().taxonomyDraft![1]!.id);
    send.mockRejectedValueOnce(new Error('disk full'));
    expect(await store.getState().saveTaxonomy()).toBe(false);
    expect(reportError).toHaveBeenCalled();
    expect(store.getState().taxonomySaving).toBe(false);
    expect(store.getState().taxonomyDraft).toHaveLength(1);
    expect(taxonomyDirty(store.getState())).toBe(true);
  });

  it('changes nothing in a read-only workspace', async () => {
    send.mockResolvedValueOnce(RULES);
    const { store } = makeStore(true);
    await store.getState().loadTaxonomy();
    store.getState().addTaxonomyRule();
    store.getState().removeTaxonomyRule(store.getState().taxonomyDraft![0]!.id);
    expect(store.getState().taxonomyDraft).toHaveLength(2);
    expect(await store.getState().saveTaxonomy()).toBe(false);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('ignores an answer for a workspace the UI has left', async () => {
    let answer: (r: TaxonomyRule[]) => void = () => {};
    send.mockReturnValueOnce(new Promise<TaxonomyRule[]>((r) => (answer = r)));
    const { store } = makeStore();
    const pending = store.getState().loadTaxonomy();
    store.getState().resetTaxonomy();
    answer(RULES);
    await pending;
    expect(store.getState().taxonomyDraft).toBeNull();
  });
});
