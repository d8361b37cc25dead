import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type Bundle, type BundleDiff, type BundleImportResult, type ClusterModelListItem, type PmmlExportResult, type ScorecardPmmlExportResult, type SqlExportResult, type SqlPreview } from '../../core/api/contract.ts';
import type { AppState } from './types.ts';
import { answer as answerByName, calls, flush, send, sliceStore, testWorkspace } from './slices.test-support.ts';

vi.mock('../api/client.ts', () => import('./slices.test-support.ts').then((m) => m.fakeApiClient));

const { chosenPmmlModel, createExportSlice, EXPORT_EDIT_DELAY_MS, exportProblems, isSqlRefusal, membershipArgs, newestFirst, previewKey, sqlArgs } = await import('./exportSlice.ts');

const progress = { jobId: 'j', phase: 'Evaluating', done: 1, total: 4, unit: 'steps', etaMs: null };
const answer = (table: Record<string, unknown>) => answerByName(table, { progress });

const preview = (asOf = '2026-01-01', customers = 1200) => ({ header: ['customer_id', 'segments'], rows: [['c1', 'A']], customers, asOf });
const bundle = (asOf = '2026-01-01') => ({ asOf, segments: [], priority: [] }) as unknown as Bundle;
const diff: BundleDiff = {
  from: { asOf: '2025-12-01', createdAt: '2025-12-02T00:00:00Z' },
  to: { asOf: '2026-01-01', createdAt: '2026-01-02T00:00:00Z' },
  sameData: true,
  changes: [{ area: 'weights', item: 'orders_90d', kind: 'changed', before: '2', after: '3', amount: 1 }],
};
const modelItem = (modelId: number, k = 4): ClusterModelListItem => ({ modelId, createdAt: Date.parse('2026-01-02T10:00:00Z') + modelId, asOf: '2026-01-01', k, signals: 12, names: [] });
const pmmlResult = (a: { path: string; modelId?: number }): PmmlExportResult => ({ path: a.path, bytes: 4321, modelId: a.modelId ?? 0, clusters: 4, signals: 12 });
const imported: BundleImportResult = { segments: 1, replacedSegments: 1, customSignals: 0, taxonomyRules: 3, decisions: 0, modelId: null, asOf: '2026-01-01', sameData: true, differences: [] };

function makeStore(ws = testWorkspace({ path: '/ws/w.segwb', lastEventAt: Date.parse('2025-12-31T12:00:00Z') })) {
  const around = {
    resetTaxonomy: vi.fn(),
    loadDecisions: vi.fn(async () => {}),
    pickSavePath: vi.fn(async (_options: Record<string, unknown>): Promise<string | null> => '/out/file.csv'),
    pickFilePath: vi.fn(async (_options: Record<string, unknown>): Promise<string | null> => '/out/earlier.bundle.json'),
    signalsPath: '/ws/w.segwb',
    rulesPath: '/ws/w.segwb',
    clustersPath: '/ws/w.segwb',
    economicsPath: '/ws/w.segwb',
  };
  return { ...sliceStore(createExportSlice, around, ws), ...around };
}

/** Answers one operation with promises the test settles itself, in any order. */
function deferred<T>() {
  const pending: Array<{ args: unknown; resolve: (v: T) => void; reject: (e: unknown) => void; signal: AbortSignal | undefined }> = [];
  const fn = (args: unknown, opts?: { signal?: AbortSignal }) =>
    new Promise<T>((resolve, reject) => {
      pending.push({ args, resolve, reject, signal: opts?.signal });
      opts?.signal?.addEventListener('abort', () => reject(new ApiError({ code: 'cancelled', message: 'Cancelled' })));
    });
  return { fn, pending };
}

const argsOf = (name: string) => calls(name).map((c) => c[1]);

beforeEach(() => {
  send.mockReset();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('export helpers', () => {
  it('sends only the options that apply', () => {
    expect(membershipArgs('', { hashEmail: true, hashPhone: false, countryCode: '+44' })).toEqual({ hashEmail: true, hashPhone: false });
    expect(membershipArgs('2026-01-01', { hashEmail: false, hashPhone: true, countryCode: ' +44 ' })).toEqual({ hashEmail: false, hashPhone: true, asOf: '2026-01-01', defaultCountryCode: '+44' });
  });
  it('finds what core would refuse, by field', () => {
    expect(exportProblems('membership', '2026-02-30', { hashEmail: false, hashPhone: true, countryCode: 'uk' })).toEqual([
      { field: 'asOf', message: 'a date as YYYY-MM-DD' },
      { field: 'defaultCountryCode', message: 'a country code such as +44' },
    ]);
    expect(exportProblems('membership', '', { hashEmail: false, hashPhone: false, countryCode: 'uk' })).toEqual([]);
    expect(exportProblems('bundle', '', { hashEmail: false, hashPhone: true, countryCode: 'uk' })).toEqual([]);
  });
  it('keys a preview by its arguments and when it was asked', () => {
    const d = { hashEmail: false, hashPhone: false, countryCode: '+1' };
    expect(previewKey('membership', '', d, 1)).toBe(previewKey('membership', '', { ...d, countryCode: '+44' }, 1));
    expect(previewKey('membership', '', d, 1)).not.toBe(previewKey('membership', '', d, 2));
    expect(previewKey('bundle', '2026-01-01', d, 1)).not.toBe(previewKey('bundle', '', d, 1));
    // SQL: by dialect and date; the membership options do not matter.
    expect(previewKey('sql', '', d, 1, 'sqlite')).not.toBe(previewKey('sql', '', d, 1, 'postgres'));
    expect(previewKey('sql', '', d, 1, 'postgres')).toBe(previewKey('sql', '', { ...d, hashEmail: true }, 1, 'postgres'));
    expect(previewKey('bundle', '', d, 1, 'sqlite')).toBe(previewKey('bundle', '', d, 1, 'postgres'));
  });
  it('sends the SQL dialect, and the date only when one is chosen', () => {
    expect(sqlArgs('', 'postgres')).toEqual({ dialect: 'postgres' });
    expect(sqlArgs('2025-06-01', 'sqlite')).toEqual({ dialect: 'sqlite', asOf: '2025-06-01' });
  });
  it('knows the SQL refusals no retry changes', () => {
    expect(isSqlRefusal('export-unsupported')).toBe(true);
    expect(isSqlRefusal('segment-cycle')).toBe(true);
    expect(isSqlRefusal('internal')).toBe(false);
    expect(isSqlRefusal(undefined)).toBe(false);
  });
});

describe('export slice: previews', () => {
  it('enters: previews the membership with progress, and again on the next entry', async () => {
    const p = deferred<unknown>();
    answer({ 'export-membership-preview': p.fn });
    const { store } = makeStore();
    store.getState().enterExport();
    await flush();
    expect(store.getState().exportPreviews.membership.job).not.toBeNull();
    expect(argsOf('export-membership-preview')).toEqual([{ hashEmail: false, hashPhone: false, limit: 20 }]);
    p.pending[0]!.resolve(preview());
    await flush();
    const m = store.getState().exportPreviews.membership;
    expect(m.job).toBeNull();
    expect(m.value?.customers).toBe(1200);
    store.getState().enterExport();
    await flush();
    expect(calls('export-membership-preview')).toHaveLength(2);
    // The preview before stays on screen while the new one is made.
    expect(store.getState().exportPreviews.membership.value?.customers).toBe(1200);
  });

  it('shows progress reports of the job', async () => {
    answer({ 'export-membership-preview': () => new Promise(() => {}) });
    const { store } = makeStore();
    store.getState().enterExport();
    await flush();
    expect(store.getState().exportPreviews.membership.job?.progress?.phase).toBe('Evaluating');
  });

  it('asks nothing of a workspace without customers', async () => {
    answer({});
    const { store } = makeStore(testWorkspace({ customers: 0 }));
    store.getState().enterExport();
    await flush();
    expect(send).not.toHaveBeenCalled();
  });

  it('follows the options: a checkbox at once, a country code after a pause, a bad one not at all', async () => {
    vi.useFakeTimers();
    answer({ 'export-membership-preview': (args: { hashEmail: boolean }) => preview(args.hashEmail ? '2026-01-01' : '2026-01-01', 5) });
    const { store } = makeStore();
    store.getState().enterExport();
    await flush();
    store.getState().setMembershipDraft({ hashEmail: true });
    await flush();
    expect(argsOf('export-membership-preview').at(-1)).toEqual({ hashEmail: true, hashPhone: false, limit: 20 });
    // A country code without phone hashing changes nothing that is sent.
    store.getState().setMembershipDraft({ countryCode: '+4' });
    await flush();
    expect(calls('export-membership-preview')).toHaveLength(2);
    store.getState().setMembershipDraft({ hashPhone: true });
    await flush();
    expect(argsOf('export-membership-preview').at(-1)).toEqual({ hashEmail: true, hashPhone: true, defaultCountryCode: '+4', limit: 20 });
    store.getState().setMembershipDraft({ countryCode: '+44' });
    await flush();
    expect(calls('export-membership-preview')).toHaveLength(3);
    vi.advanceTimersByTime(EXPORT_EDIT_DELAY_MS);
    await flush();
    expect(argsOf('export-membership-preview').at(-1)).toMatchObject({ defaultCountryCode: '+44' });
    // Not a country code: said at the field, nothing sent.
    store.getState().setMembershipDraft({ countryCode: '+44x' });
    await flush();
    vi.advanceTimersByTime(EXPORT_EDIT_DELAY_MS);
    await flush();
    expect(calls('export-membership-preview')).toHaveLength(4);
    expect(store.getState().exportPreviews.membership.error?.issues).toEqual([{ field: 'defaultCountryCode', message: 'a country code such as +44' }]);
    // Fixed: the problem goes and the preview follows.
    store.getState().setMembershipDraft({ countryCode: '+1' });
    vi.advanceTimersByTime(EXPORT_EDIT_DELAY_MS);
    await flush();
    expect(store.getState().exportPreviews.membership.error).toBeNull();
    expect(argsOf('export-membership-preview').at(-1)).toMatchObject({ defaultCountryCode: '+1' });
  });

  it('shows core’s invalid arguments at their field', async () => {
    answer({ 'export-membership-preview': new ApiError({ code: 'invalid-args', message: 'Invalid arguments', issues: [{ path: 'asOf', message: 'before the first event' }] }) });
    const { store, reportError } = makeStore();
    store.getState().enterExport();
    await flush();
    expect(store.getState().exportPreviews.membership.error).toEqual({ code: 'invalid-args', message: 'Invalid arguments', issues: [{ field: 'asOf', message: 'before the first event' }] });
    expect(reportError).not.toHaveBeenCalled();
  });

  it('shows only the newest answer: an older one arriving late is dropped', async () => {
    vi.useFakeTimers();
    const p = deferred<unknown>();
    answer({ 'export-membership-preview': p.fn });
    const { store } = makeStore();
    store.getState().enterExport();
    await flush();
    store.getState().setExportAsOf('2025-06-01');
    vi.advanceTimersByTime(EXPORT_EDIT_DELAY_MS);
    await flush();
    expect(p.pending).toHaveLength(2);
    expect(p.pending[0]!.signal?.aborted).toBe(true);
    expect(p.pending[1]!.args).toMatchObject({ asOf: '2025-06-01' });
    p.pending[1]!.resolve(preview('2025-06-01'));
    p.pending[0]!.resolve(preview('2026-01-01'));
    await flush();
    expect(store.getState().exportPreviews.membership.value?.asOf).toBe('2025-06-01');
    expect(store.getState().exportPreviews.membership.job).toBeNull();
  });

  it('drops answers for a workspace that is no longer open', async () => {
    const p = deferred<unknown>();
    answer({ 'export-membership-preview': p.fn });
    const { store } = makeStore();
    store.getState().enterExport();
    await flush();
    store.setState({ workspace: testWorkspace({ path: '/other.segwb' }) } as Partial<AppState>);
    p.pending[0]!.resolve(preview());
    await flush();
    expect(store.getState().exportPreviews.membership.value).toBeNull();
    expect(store.getState().exportPath).toBeNull();
  });

  it('cancels a preview without an error, and offers to make it again', async () => {
    const p = deferred<unknown>();
    answer({ 'export-membership-preview': p.fn });
    const { store } = makeStore();
    store.getState().enterExport();
    await flush();
    store.getState().cancelExportPreview('membership');
    expect(store.getState().exportPreviews.membership.job?.cancelling).toBe(true);
    await flush();
    expect(store.getState().exportPreviews.membership).toMatchObject({ job: null, error: null, value: null });
  });

  it('previews the bundle when its card is chosen, at the date chosen', async () => {
    vi.useFakeTimers();
    answer({ 'export-membership-preview': preview(), 'bundle-preview': (args: { asOf?: string }) => bundle(args.asOf ?? '2026-01-01') });
    const { store } = makeStore();
    store.getState().enterExport();
    await flush();
    store.getState().setExportFormat('bundle');
    await flush();
    expect(argsOf('bundle-preview')).toEqual([{}]);
    expect(store.getState().exportPreviews.bundle.value?.asOf).toBe('2026-01-01');
    store.getState().setExportAsOf('2025-10-01');
    vi.advanceTimersByTime(EXPORT_EDIT_DELAY_MS);
    await flush();
    expect(argsOf('bundle-preview').at(-1)).toEqual({ asOf: '2025-10-01' });
    // Back to the membership: its preview is of another date now, so it is made again.
    store.getState().setExportFormat('membership');
    await flush();
    expect(argsOf('export-membership-preview').at(-1)).toMatchObject({ asOf: '2025-10-01' });
    // Back to the bundle at the same date: the preview shown is still right.
    store.getState().setExportFormat('bundle');
    await flush();
    expect(calls('bundle-preview')).toHaveLength(2);
  });

  it('drops the previews when new data arrives', async () => {
    answer({ 'export-membership-preview': preview() });
    const { store } = makeStore();
    store.getState().enterExport();
    await flush();
    expect(store.getState().exportPreviews.membership.value).not.toBeNull();
    store.setState((s) => ({ workspace: { ...s.workspace!, imports: 2 } }));
    expect(store.getState().exportPreviews.membership.value).toBeNull();
  });
});

describe('export slice: files', () => {
  it('exports the membership to the file chosen, named after the previewed date, with the options previewed', async () => {
    answer({ 'export-membership-preview': preview('2025-12-31'), 'export-membership': (a: { path: string }) => ({ path: a.path, rows: 1200, bytes: 5000, columns: ['customer_id'], asOf: '2025-12-31' }) });
    const { store, pickSavePath, toast } = makeStore();
    store.getState().enterExport();
    await flush();
    store.getState().setMembershipDraft({ hashEmail: true });
    await flush();
    await store.getState().promptMembershipExport();
    expect(pickSavePath).toHaveBeenCalledWith({ title: 'Export the membership CSV', suggestedName: 'membership-2025-12-31.csv', extension: 'csv', dir: '/ws' });
    expect(argsOf('export-membership')).toEqual([{ path: '/out/file.csv', overwrite: false, hashEmail: true, hashPhone: false, asOf: '2025-12-31' }]);
    expect(store.getState().exportMembershipFile.result?.rows).toBe(1200);
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: 'Membership exported' }));
    // The next dialog starts in the folder chosen last.
    await store.getState().promptMembershipExport();
    expect(pickSavePath.mock.calls[1]![0]).toMatchObject({ dir: '/out' });
  });

  it('asks before replacing a file, and sends again with overwrite', async () => {
    let n = 0;
    answer({
      'export-membership-preview': preview(),
      'export-membership': (a: { path: string; overwrite: boolean }) => {
        if (!a.overwrite && n++ === 0) throw new ApiError({ code: 'file-exists', message: 'exists', details: { path: a.path } });
        return { path: a.path, rows: 1, bytes: 1, columns: [], asOf: '2026-01-01' };
      },
    });
    const { store } = makeStore();
    store.getState().enterExport();
    await flush();
    await store.getState().exportMembership('/out/m.csv');
    expect(store.getState().exportMembershipFile.replacePath).toBe('/out/m.csv');
    await store.getState().exportMembership('/out/m.csv', true);
    expect(argsOf('export-membership').at(-1)).toMatchObject({ path: '/out/m.csv', overwrite: true });
    expect(store.getState().exportMembershipFile).toMatchObject({ replacePath: null, error: null });
  });

  it('exports the bundle under segments-<asOf>.bundle.json', async () => {
    answer({ 'bundle-preview': bundle('2025-11-30'), 'export-membership-preview': preview(), 'export-bundle': (a: { path: string }) => ({ path: a.path, bytes: 10, asOf: '2025-11-30', fingerprint: {}, segments: 1, clusterModel: null }) });
    const { store, pickSavePath } = makeStore();
    pickSavePath.mockResolvedValue('/out/b.bundle.json');
    store.getState().enterExport();
    store.getState().setExportFormat('bundle');
    await flush();
    await store.getState().promptBundleExport();
    expect(pickSavePath).toHaveBeenCalledWith(expect.objectContaining({ suggestedName: 'segments-2025-11-30.bundle.json', extension: 'json' }));
    expect(argsOf('export-bundle')).toEqual([{ path: '/out/b.bundle.json', overwrite: false, asOf: '2025-11-30' }]);
    expect(store.getState().exportBundleFile.result?.path).toBe('/out/b.bundle.json');
  });

  it('names the file after the newest data before any preview', async () => {
    answer({ 'export-membership': () => new Promise(() => {}) });
    const { store, pickSavePath } = makeStore();
    pickSavePath.mockResolvedValue(null);
    await store.getState().promptMembershipExport();
    expect(pickSavePath.mock.calls[0]![0]).toMatchObject({ suggestedName: 'membership-2026-01-01.csv' });
    expect(calls('export-membership')).toHaveLength(0);
  });
});

describe('export slice: diff', () => {
  it('compares an earlier bundle file with the current definitions', async () => {
    answer({ 'bundle-diff': diff });
    const { store, pickFilePath } = makeStore();
    await store.getState().promptBundleDiff();
    expect(pickFilePath).toHaveBeenCalledWith({ title: 'Compare with an earlier bundle', dir: '/ws' });
    expect(argsOf('bundle-diff')).toEqual([{ from: { path: '/out/earlier.bundle.json' }, to: { current: true } }]);
    expect(store.getState().exportDiff).toMatchObject({ path: '/out/earlier.bundle.json', job: null, result: diff, error: null });
    store.getState().clearBundleDiff();
    expect(store.getState().exportDiff.path).toBeNull();
  });

  it('says why a file cannot be compared, in core’s words', async () => {
    answer({ 'bundle-diff': new ApiError({ code: 'bundle-tampered', message: 'b.json was changed after it was exported.' }) });
    const { store, reportError } = makeStore();
    await store.getState().compareBundle('/out/b.json');
    expect(store.getState().exportDiff.error).toEqual({ code: 'bundle-tampered', message: 'b.json was changed after it was exported.' });
    expect(reportError).not.toHaveBeenCalled();
  });

  it('shows only the newest comparison', async () => {
    const d = deferred<BundleDiff>();
    answer({ 'bundle-diff': d.fn });
    const { store } = makeStore();
    void store.getState().compareBundle('/a.json');
    void store.getState().compareBundle('/b.json');
    await flush();
    d.pending[1]!.resolve({ ...diff, changes: [] });
    d.pending[0]!.resolve(diff);
    await flush();
    expect(store.getState().exportDiff).toMatchObject({ path: '/b.json', result: { changes: [] } });
  });
});

describe('export slice: import', () => {
  it('imports, then every view reloads its definitions and the preview is made again', async () => {
    answer({ 'bundle-import': imported, 'export-membership-preview': preview() });
    const { store, pickFilePath, resetTaxonomy, loadDecisions, toast } = makeStore();
    store.getState().enterExport();
    await flush();
    await store.getState().promptBundleImport();
    expect(pickFilePath).toHaveBeenCalledWith(expect.objectContaining({ title: 'Import a bundle' }));
    expect(argsOf('bundle-import')).toEqual([{ path: '/out/earlier.bundle.json', replace: false, acceptDifferentData: false }]);
    await flush();
    const s = store.getState() as AppState;
    expect(s.exportImport).toMatchObject({ job: null, result: imported, question: null, error: null });
    expect([s.signalsPath, s.rulesPath, s.clustersPath, s.economicsPath]).toEqual([null, null, null, null]);
    expect(resetTaxonomy).toHaveBeenCalled();
    expect(loadDecisions).toHaveBeenCalled();
    expect(calls('export-membership-preview')).toHaveLength(2);
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: 'Bundle imported', message: 'Membership at 2026-01-01 reproduced exactly.' }));
  });

  it('asks before taking other data’s bundle, then before replacing the saved segments, and sends the answers', async () => {
    answer({
      'export-membership-preview': preview(),
      'bundle-import': (a: { replace: boolean; acceptDifferentData: boolean }) => {
        if (!a.acceptDifferentData) throw new ApiError({ code: 'bundle-data-mismatch', message: 'The bundle was built on other data.' });
        if (!a.replace) throw new ApiError({ code: 'bundle-would-replace', message: 'This workspace has 2 saved segments.', details: { segments: 2 } });
        return { ...imported, sameData: false, differences: [{ segmentation: 'rules', key: '1', expected: 10, actual: 12 }] };
      },
    });
    const { store, resetTaxonomy } = makeStore();
    await store.getState().importBundle('/b.json');
    expect(store.getState().exportImport.question).toEqual({ kind: 'different-data', message: 'The bundle was built on other data.' });
    expect(resetTaxonomy).not.toHaveBeenCalled();
    await store.getState().confirmBundleImport();
    expect(store.getState().exportImport.question).toEqual({ kind: 'replace', segments: 2, message: 'This workspace has 2 saved segments.' });
    await store.getState().confirmBundleImport();
    expect(argsOf('bundle-import')).toEqual([
      { path: '/b.json', replace: false, acceptDifferentData: false },
      { path: '/b.json', replace: false, acceptDifferentData: true },
      { path: '/b.json', replace: true, acceptDifferentData: true },
    ]);
    expect(store.getState().exportImport.result?.differences).toHaveLength(1);
    expect(resetTaxonomy).toHaveBeenCalledTimes(1);
  });

  it('leaves everything as it was when the analyst says no, or core refuses', async () => {
    answer({ 'bundle-import': new ApiError({ code: 'bundle-would-replace', message: 'Replace?', details: { segments: 1 } }) });
    const { store, resetTaxonomy } = makeStore();
    await store.getState().importBundle('/b.json');
    store.getState().dismissBundleImportQuestion();
    expect(store.getState().exportImport).toMatchObject({ path: null, question: null, result: null });
    answer({ 'bundle-import': new ApiError({ code: 'bundle-version', message: 'b.json is a bundle of version 2.' }) });
    await store.getState().importBundle('/b.json');
    expect(store.getState().exportImport.error).toEqual({ code: 'bundle-version', message: 'b.json is a bundle of version 2.' });
    expect(resetTaxonomy).not.toHaveBeenCalled();
  });

  it('after a cancel, says the definitions may be in place and reloads them', async () => {
    const d = deferred<BundleImportResult>();
    answer({ 'bundle-import': d.fn, 'export-membership-preview': preview() });
    const { store, resetTaxonomy } = makeStore();
    void store.getState().importBundle('/b.json');
    await flush();
    expect(store.getState().exportImport.job).not.toBeNull();
    store.getState().cancelBundleImport();
    await flush();
    expect(store.getState().exportImport).toMatchObject({ job: null, cancelled: true, result: null });
    expect(resetTaxonomy).toHaveBeenCalled();
  });

  it('drops an import’s answer for a workspace that is no longer open', async () => {
    const d = deferred<BundleImportResult>();
    answer({ 'bundle-import': d.fn });
    const { store, resetTaxonomy } = makeStore();
    store.getState().enterExport();
    void store.getState().importBundle('/b.json');
    await flush();
    store.setState({ workspace: testWorkspace({ path: '/other.segwb' }) } as Partial<AppState>);
    d.pending[0]!.resolve(imported);
    await flush();
    expect(store.getState().exportImport.result).toBeNull();
    expect(resetTaxonomy).not.toHaveBeenCalled();
  });
});

describe('export slice: PMML', () => {
  it('chooses the model picked while it exists, else the newest', () => {
    const list = [modelItem(2), modelItem(5), modelItem(3)];
    expect(newestFirst(list).map((m) => m.modelId)).toEqual([5, 3, 2]);
    expect(chosenPmmlModel(list, null)?.modelId).toBe(5);
    expect(chosenPmmlModel(list, 3)?.modelId).toBe(3);
    expect(chosenPmmlModel(list, 9)?.modelId).toBe(5);
    expect(chosenPmmlModel([], null)).toBeNull();
    expect(chosenPmmlModel(null, 3)).toBeNull();
  });

  it('lists the models when its card is chosen, newest first, without asking for a preview', async () => {
    answer({ 'export-membership-preview': preview(), 'cluster-models': [modelItem(1), modelItem(3, 6)] });
    const { store } = makeStore();
    store.getState().enterExport();
    await flush();
    send.mockClear();
    store.getState().setExportFormat('pmml');
    expect(store.getState().exportPmmlModels.loading).toBe(true);
    await flush();
    expect(send.mock.calls.map((c) => c[0])).toEqual(['cluster-models']);
    const models = store.getState().exportPmmlModels;
    expect(models).toMatchObject({ loading: false, error: null });
    expect(models.list?.map((m) => m.modelId)).toEqual([3, 1]);
    // Nothing to preview, nor a date to follow.
    await store.getState().runExportPreview();
    store.getState().setExportAsOf('2025-06-01');
    await flush();
    expect(send.mock.calls.map((c) => c[0])).toEqual(['cluster-models']);
  });

  it('lists them again on every entry, keeping the model picked', async () => {
    let list = [modelItem(1), modelItem(2)];
    answer({ 'export-membership-preview': preview(), 'cluster-models': () => list });
    const { store } = makeStore();
    store.getState().enterExport();
    store.getState().setExportFormat('pmml');
    await flush();
    store.getState().setPmmlModel(1);
    list = [modelItem(1), modelItem(2), modelItem(3)];
    store.getState().enterExport();
    await flush();
    expect(calls('cluster-models')).toHaveLength(2);
    expect(calls('export-membership-preview')).toHaveLength(1);
    expect(chosenPmmlModel(store.getState().exportPmmlModels.list, store.getState().exportPmmlModelId)?.modelId).toBe(1);
  });

  it('says why the models could not be listed, and drops an answer for another workspace', async () => {
    answer({ 'export-membership-preview': () => new Promise(() => {}), 'cluster-models': new ApiError({ code: 'internal', message: 'disk gone' }) });
    const { store } = makeStore();
    store.getState().enterExport();
    store.getState().setExportFormat('pmml');
    await flush();
    expect(store.getState().exportPmmlModels).toMatchObject({ list: null, loading: false, error: { code: 'internal', message: 'disk gone' } });

    const p = deferred<ClusterModelListItem[]>();
    answer({ 'cluster-models': p.fn });
    void store.getState().loadPmmlModels();
    await flush();
    store.setState({ workspace: testWorkspace({ path: '/ws/other.segwb' }) });
    p.pending[0]!.resolve([modelItem(7)]);
    await flush();
    expect(store.getState().exportPmmlModels.list).toBeNull();
  });

  it('exports the newest model under clusters-model-<id>.pmml, and the one picked after', async () => {
    answer({ 'export-membership-preview': preview(), 'cluster-models': [modelItem(2), modelItem(4, 6)], 'export-pmml': pmmlResult });
    const { store, pickSavePath, toast } = makeStore();
    pickSavePath.mockResolvedValue('/out/clusters-model-4.pmml');
    store.getState().enterExport();
    store.getState().setExportFormat('pmml');
    await flush();
    await store.getState().promptPmmlExport();
    expect(pickSavePath).toHaveBeenCalledWith({ title: 'Export the cluster model as PMML', suggestedName: 'clusters-model-4.pmml', extension: 'pmml', dir: '/ws' });
    expect(argsOf('export-pmml')).toEqual([{ path: '/out/clusters-model-4.pmml', overwrite: false, modelId: 4 }]);
    expect(store.getState().exportPmmlFile.result).toEqual({ path: '/out/clusters-model-4.pmml', bytes: 4321, modelId: 4, clusters: 4, signals: 12 });
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: 'PMML exported' }));

    store.getState().setPmmlModel(2);
    pickSavePath.mockResolvedValue('/out/clusters-model-2.pmml');
    await store.getState().promptPmmlExport();
    expect(pickSavePath.mock.calls[1]![0]).toMatchObject({ suggestedName: 'clusters-model-2.pmml', dir: '/out' });
    expect(argsOf('export-pmml').at(-1)).toEqual({ path: '/out/clusters-model-2.pmml', overwrite: false, modelId: 2 });
  });

  it('asks before replacing a file, and sends again with overwrite', async () => {
    let n = 0;
    answer({
      'cluster-models': [modelItem(1)],
      'export-pmml': (a: { path: string; overwrite: boolean; modelId: number }) => {
        if (!a.overwrite && n++ === 0) throw new ApiError({ code: 'file-exists', message: 'exists', details: { path: a.path } });
        return pmmlResult(a);
      },
    });
    const { store } = makeStore();
    await store.getState().loadPmmlModels();
    await store.getState().exportPmml('/out/m.pmml');
    expect(store.getState().exportPmmlFile).toMatchObject({ replacePath: '/out/m.pmml', result: null });
    store.getState().dismissPmmlReplace();
    expect(store.getState().exportPmmlFile.replacePath).toBeNull();
    await store.getState().exportPmml('/out/m.pmml', true);
    expect(argsOf('export-pmml').at(-1)).toEqual({ path: '/out/m.pmml', overwrite: true, modelId: 1 });
    expect(store.getState().exportPmmlFile).toMatchObject({ replacePath: null, error: null, result: { path: '/out/m.pmml' } });
  });

  it('offers no export without a model, and shows core’s refusal as it is', async () => {
    answer({ 'cluster-models': [], 'export-pmml': new ApiError({ code: 'pmml-unsupported', message: 'The scaling of signal revenue divides by zero.' }) });
    const { store, pickSavePath } = makeStore();
    await store.getState().loadPmmlModels();
    expect(store.getState().exportPmmlModels.list).toEqual([]);
    await store.getState().promptPmmlExport();
    await store.getState().exportPmml('/out/x.pmml');
    expect(pickSavePath).not.toHaveBeenCalled();
    expect(calls('export-pmml')).toHaveLength(0);

    answer({ 'cluster-models': [modelItem(1)], 'export-pmml': new ApiError({ code: 'pmml-unsupported', message: 'The scaling of signal revenue divides by zero.' }) });
    await store.getState().loadPmmlModels();
    await store.getState().exportPmml('/out/x.pmml');
    expect(store.getState().exportPmmlFile).toMatchObject({ result: null, error: 'The scaling of signal revenue divides by zero.' });
    // Picking another model clears it.
    store.getState().setPmmlModel(1);
    expect(store.getState().exportPmmlFile.error).toBeNull();
  });

  it('cancels a write, and forgets everything for another workspace', async () => {
    const p = deferred<PmmlExportResult>();
    answer({ 'cluster-models': [modelItem(1)], 'export-pmml': p.fn });
    const { store } = makeStore();
    await store.getState().loadPmmlModels();
    store.getState().setPmmlModel(1);
    const writing = store.getState().exportPmml('/out/x.pmml');
    await flush();
    expect(store.getState().exportPmmlFile.job).not.toBeNull();
    store.getState().cancelPmmlExport();
    await writing;
    expect(store.getState().exportPmmlFile).toMatchObject({ job: null, result: null, error: null });

    store.getState().enterExport();
    store.setState({ workspace: testWorkspace({ path: '/ws/other.segwb' }) });
    expect(store.getState()).toMatchObject({ exportPmmlModels: { list: null }, exportPmmlModelId: null, exportFormat: 'membership' });
  });
});

const sqlPreview = (a: { dialect: 'sqlite' | 'postgres'; asOf?: string }): SqlPreview => ({
  dialect: a.dialect,
  asOf: a.asOf ?? '2026-01-01',
  text: `-- Segment Workbench: ${a.dialect}\nCREATE VIEW segwb_membership AS SELECT 1;\n`,
  views: ['segwb_signals', 'segwb_membership'],
  membershipView: 'segwb_membership',
  signals: 36,
  segments: 1,
  clusterModels: [],
});
const sqlResult = (a: { path: string; dialect: 'sqlite' | 'postgres'; asOf?: string }): SqlExportResult => {
  const { text: _text, ...rest } = sqlPreview(a);
  return { ...rest, path: a.path, bytes: 41784 };
};
const scorecardResult = (a: { path: string; asOf?: string }): ScorecardPmmlExportResult => ({ path: a.path, bytes: 9000, asOf: a.asOf ?? '2026-01-01', signals: 11 });

describe('export slice: SQL', () => {
  it('previews the script when its card is chosen, SQLite first, then the dialect chosen', async () => {
    answer({ 'export-membership-preview': preview(), 'export-sql-preview': sqlPreview });
    const { store } = makeStore();
    store.getState().enterExport();
    await flush();
    expect(calls('export-sql-preview')).toHaveLength(0);
    store.getState().setExportFormat('sql');
    await flush();
    expect(argsOf('export-sql-preview')).toEqual([{ dialect: 'sqlite' }]);
    expect(store.getState().exportPreviews.sql.value?.dialect).toBe('sqlite');
    store.getState().setSqlDialect('postgres');
    await flush();
    expect(argsOf('export-sql-preview').at(-1)).toEqual({ dialect: 'postgres' });
    expect(store.getState().exportPreviews.sql.value?.text).toContain('postgres');
    // The same dialect again asks nothing; the date follows after the pause.
    store.getState().setSqlDialect('postgres');
    await flush();
    expect(calls('export-sql-preview')).toHaveLength(2);
    vi.useFakeTimers();
    store.getState().setExportAsOf('2025-06-01');
    vi.advanceTimersByTime(EXPORT_EDIT_DELAY_MS);
    await flush();
    expect(argsOf('export-sql-preview').at(-1)).toEqual({ dialect: 'postgres', asOf: '2025-06-01' });
  });

  it('remembers the dialect while another card is shown, and asks nothing for it there', async () => {
    answer({ 'export-membership-preview': preview(), 'export-sql-preview': sqlPreview });
    const { store } = makeStore();
    store.getState().enterExport();
    await flush();
    store.getState().setSqlDialect('postgres');
    await flush();
    expect(calls('export-sql-preview')).toHaveLength(0);
    store.getState().setExportFormat('sql');
    await flush();
    expect(argsOf('export-sql-preview')).toEqual([{ dialect: 'postgres' }]);
  });

  it('shows only the newest dialect’s script when answers cross', async () => {
    const p = deferred<SqlPreview>();
    answer({ 'export-membership-preview': preview(), 'export-sql-preview': p.fn });
    const { store } = makeStore();
    store.getState().enterExport();
    store.getState().setExportFormat('sql');
    await flush();
    store.getState().setSqlDialect('postgres');
    await flush();
    expect(p.pending).toHaveLength(2);
    expect(p.pending[0]!.signal?.aborted).toBe(true);
    p.pending[1]!.resolve(sqlPreview({ dialect: 'postgres' }));
    await flush();
    expect(store.getState().exportPreviews.sql).toMatchObject({ job: null, error: null, value: { dialect: 'postgres' } });
  });

  it('keeps core’s refusal as it says it, and drops it once the definitions allow the script', async () => {
    const refusal = new ApiError({ code: 'export-unsupported', message: 'The intent score weights the signal "p_alive", and it is scored by the fitted purchase prediction.' });
    let refuse = true;
    answer({ 'export-membership-preview': preview(), 'export-sql-preview': (a: { dialect: 'sqlite' | 'postgres' }) => {
      if (refuse) throw refusal;
      return sqlPreview(a);
    } });
    const { store } = makeStore();
    store.getState().enterExport();
    store.getState().setExportFormat('sql');
    await flush();
    expect(store.getState().exportPreviews.sql.error).toEqual({ code: 'export-unsupported', message: refusal.message, issues: [] });
    expect(store.getState().exportPreviews.sql.value).toBeNull();
    refuse = false;
    // Entering again (the weight changed in Signals) makes the preview again.
    store.getState().enterExport();
    await flush();
    expect(store.getState().exportPreviews.sql).toMatchObject({ error: null, value: { dialect: 'sqlite' } });
  });

  it('exports under segments-<asOf>.<dialect>.sql at the previewed date, in the dialect chosen', async () => {
    answer({ 'export-membership-preview': preview(), 'export-sql-preview': (a: { dialect: 'sqlite' | 'postgres' }) => sqlPreview({ ...a, asOf: '2025-12-31' }), 'export-sql': sqlResult });
    const { store, pickSavePath, toast } = makeStore();
    pickSavePath.mockResolvedValue('/out/segments.postgres.sql');
    store.getState().enterExport();
    store.getState().setExportFormat('sql');
    store.getState().setSqlDialect('postgres');
    await flush();
    await store.getState().promptSqlExport();
    expect(pickSavePath).toHaveBeenCalledWith({ title: 'Export the SQL views for PostgreSQL', suggestedName: 'segments-2025-12-31.postgres.sql', extension: 'sql', dir: '/ws' });
    expect(argsOf('export-sql')).toEqual([{ path: '/out/segments.postgres.sql', overwrite: false, dialect: 'postgres', asOf: '2025-12-31' }]);
    expect(store.getState().exportSqlFile.result).toMatchObject({ path: '/out/segments.postgres.sql', dialect: 'postgres', bytes: 41784 });
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: 'SQL exported', message: expect.stringContaining('2 views for PostgreSQL') }));
  });

  it('names the SQLite file after the newest data before any preview', async () => {
    answer({});
    const { store, pickSavePath } = makeStore();
    pickSavePath.mockResolvedValue(null);
    await store.getState().promptSqlExport();
    expect(pickSavePath.mock.calls[0]![0]).toMatchObject({ suggestedName: 'segments-2026-01-01.sqlite.sql', extension: 'sql' });
    expect(calls('export-sql')).toHaveLength(0);
  });

  it('asks before replacing a file, sends again with overwrite, and shows a refusal at write time', async () => {
    let n = 0;
    answer({
      'export-sql': (a: { path: string; overwrite: boolean; dialect: 'sqlite' | 'postgres' }) => {
        if (!a.overwrite && n++ === 0) throw new ApiError({ code: 'file-exists', message: 'exists', details: { path: a.path } });
        if (a.path.endsWith('cycle.sql')) throw new ApiError({ code: 'segment-cycle', message: 'The segment "A" depends on itself through the segments its rule refers to.' });
        return sqlResult(a);
      },
    });
    const { store } = makeStore();
    await store.getState().exportSql('/out/s.sql');
    expect(store.getState().exportSqlFile).toMatchObject({ replacePath: '/out/s.sql', result: null });
    await store.getState().exportSql('/out/s.sql', true);
    expect(argsOf('export-sql').at(-1)).toEqual({ path: '/out/s.sql', overwrite: true, dialect: 'sqlite' });
    expect(store.getState().exportSqlFile).toMatchObject({ replacePath: null, error: null, result: { path: '/out/s.sql' } });
    await store.getState().exportSql('/out/cycle.sql');
    expect(store.getState().exportSqlFile.error).toBe('The segment "A" depends on itself through the segments its rule refers to.');
    // Another dialect clears it.
    store.getState().setSqlDialect('postgres');
    expect(store.getState().exportSqlFile.error).toBeNull();
  });

  it('forgets the dialect, the script and the file for another workspace', async () => {
    answer({ 'export-membership-preview': preview(), 'export-sql-preview': sqlPreview, 'export-sql': sqlResult });
    const { store } = makeStore();
    store.getState().enterExport();
    store.getState().setExportFormat('sql');
    store.getState().setSqlDialect('postgres');
    await flush();
    await store.getState().exportSql('/out/s.sql');
    store.setState({ workspace: testWorkspace({ path: '/ws/other.segwb' }) });
    expect(store.getState()).toMatchObject({ exportSqlDialect: 'sqlite', exportPreviews: { sql: { value: null } }, exportSqlFile: { result: null } });
  });
});

describe('export slice: PMML Scorecard', () => {
  it('asks for no preview nor models, and writes under intent-score-<asOf>.pmml at the default date core named', async () => {
    answer({ 'export-membership-preview': preview('2025-12-20'), 'export-pmml-scorecard': scorecardResult });
    const { store, pickSavePath, toast } = makeStore();
    pickSavePath.mockResolvedValue('/out/intent.pmml');
    store.getState().enterExport();
    await flush();
    expect(store.getState().exportDefaultDay).toBe('2025-12-20');
    send.mockClear();
    store.getState().setExportFormat('scorecard');
    await flush();
    expect(send).not.toHaveBeenCalled();
    await store.getState().promptScorecardExport();
    expect(pickSavePath).toHaveBeenCalledWith({ title: 'Export the intent score as a PMML Scorecard', suggestedName: 'intent-score-2025-12-20.pmml', extension: 'pmml', dir: '/ws' });
    // No date chosen: core's default, which the answer names.
    expect(argsOf('export-pmml-scorecard')).toEqual([{ path: '/out/intent.pmml', overwrite: false }]);
    expect(store.getState().exportScorecardFile.result).toEqual({ path: '/out/intent.pmml', bytes: 9000, asOf: '2026-01-01', signals: 11 });
    expect(store.getState().exportDefaultDay).toBe('2026-01-01');
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: 'PMML exported', message: expect.stringContaining('11 weighted signals') }));
  });

  it('writes at the date chosen, named after it, without following it with a preview', async () => {
    answer({ 'export-pmml-scorecard': scorecardResult });
    const { store, pickSavePath } = makeStore();
    pickSavePath.mockResolvedValue('/out/intent.pmml');
    store.getState().setExportFormat('scorecard');
    store.getState().setExportAsOf('2025-06-01');
    await flush();
    await store.getState().promptScorecardExport();
    expect(pickSavePath.mock.calls[0]![0]).toMatchObject({ suggestedName: 'intent-score-2025-06-01.pmml' });
    expect(send.mock.calls.map((c) => c[0])).toEqual(['export-pmml-scorecard']);
    expect(argsOf('export-pmml-scorecard')).toEqual([{ path: '/out/intent.pmml', overwrite: false, asOf: '2025-06-01' }]);
    // A date chosen says nothing of the default.
    expect(store.getState().exportDefaultDay).toBeNull();
  });

  it('names the file after the newest data before core said anything', async () => {
    answer({});
    const { store, pickSavePath } = makeStore();
    pickSavePath.mockResolvedValue(null);
    await store.getState().promptScorecardExport();
    expect(pickSavePath.mock.calls[0]![0]).toMatchObject({ suggestedName: 'intent-score-2026-01-01.pmml' });
  });

  it('shows progress, cancels, asks before replacing and sends again with overwrite', async () => {
    const p = deferred<ScorecardPmmlExportResult>();
    answer({ 'export-pmml-scorecard': p.fn });
    const { store } = makeStore();
    const writing = store.getState().exportScorecard('/out/i.pmml');
    await flush();
    expect(store.getState().exportScorecardFile.job?.progress?.phase).toBe('Evaluating');
    store.getState().cancelScorecardExport();
    await writing;
    expect(store.getState().exportScorecardFile).toMatchObject({ job: null, result: null, error: null });

    let n = 0;
    answer({
      'export-pmml-scorecard': (a: { path: string; overwrite: boolean }) => {
        if (!a.overwrite && n++ === 0) throw new ApiError({ code: 'file-exists', message: 'exists', details: { path: a.path } });
        return scorecardResult(a);
      },
    });
    await store.getState().exportScorecard('/out/i.pmml');
    expect(store.getState().exportScorecardFile.replacePath).toBe('/out/i.pmml');
    store.getState().dismissScorecardReplace();
    expect(store.getState().exportScorecardFile.replacePath).toBeNull();
    await store.getState().exportScorecard('/out/i.pmml', true);
    expect(argsOf('export-pmml-scorecard').at(-1)).toEqual({ path: '/out/i.pmml', overwrite: true });
    expect(store.getState().exportScorecardFile.result?.path).toBe('/out/i.pmml');
  });

  it('shows core’s refusal as it is', async () => {
    answer({ 'export-pmml-scorecard': new ApiError({ code: 'pmml-unsupported', message: 'No signal has a weight: the Scorecard would be empty.' }) });
    const { store } = makeStore();
    await store.getState().exportScorecard('/out/i.pmml');
    expect(store.getState().exportScorecardFile).toMatchObject({ result: null, error: 'No signal has a weight: the Scorecard would be empty.' });
  });
});
