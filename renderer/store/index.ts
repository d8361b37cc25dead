// The renderer's store. Components select state and call actions; only actions talk to the API.
import { create } from 'zustand';
import type { AppState } from './types.ts';
import { createWorkspaceSlice } from './workspaceSlice.ts';
import { createCustomersSlice } from './customersSlice.ts';
import { createTimelineSlice } from './timelineSlice.ts';
import { createUiSlice } from './uiSlice.ts';
import { createNoticesSlice } from './noticesSlice.ts';
import { createFileDialogSlice } from './fileDialogSlice.ts';
import { createImportSlice } from './importSlice.ts';
import { createTaxonomySlice } from './taxonomySlice.ts';
import { createSignalsSlice } from './signalsSlice.ts';
import { createClustersSlice } from './clustersSlice.ts';
import { createPredictSlice } from './predictSlice.ts';
import { createRulesSlice } from './rulesSlice.ts';
import { createCompareSlice } from './compareSlice.ts';
import { createRfmSlice } from './rfmSlice.ts';
import { createPrioritySlice } from './prioritySlice.ts';
import { createDecisionsSlice } from './decisionsSlice.ts';
import { createEconomicsSlice } from './economicsSlice.ts';
import { createMigrationSlice } from './migrationSlice.ts';
import { createExportSlice } from './exportSlice.ts';

export const useApp = create<AppState>()((...a) => ({
  ...createWorkspaceSlice(...a),
  ...createCustomersSlice(...a),
  ...createTimelineSlice(...a),
  ...createUiSlice(...a),
  ...createNoticesSlice(...a),
  ...createFileDialogSlice(...a),
  ...createImportSlice(...a),
  ...createTaxonomySlice(...a),
  ...createSignalsSlice(...a),
  ...createClustersSlice(...a),
  ...createPredictSlice(...a),
  ...createRulesSlice(...a),
  ...createCompareSlice(...a),
  ...createRfmSlice(...a),
  ...createPrioritySlice(...a),
  ...createDecisionsSlice(...a),
  ...createEconomicsSlice(...a),
  ...createMigrationSlice(...a),
  ...createExportSlice(...a),
}));

export type { AppState } from './types.ts';
