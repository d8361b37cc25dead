// The app store is one zustand store built from slices (zustand's slices pattern). Each slice
// is written against the whole state type so actions can read and call across slices.
import type { StateCreator } from 'zustand';
import type { ClustersSlice } from './clustersSlice.ts';
import type { CompareSlice } from './compareSlice.ts';
import type { CustomersSlice } from './customersSlice.ts';
import type { DecisionsSlice } from './decisionsSlice.ts';
import type { EconomicsSlice } from './economicsSlice.ts';
import type { ExportSlice } from './exportSlice.ts';
import type { FileDialogSlice } from './fileDialogSlice.ts';
import type { ImportSlice } from './importSlice.ts';
import type { NoticesSlice } from './noticesSlice.ts';
import type { PredictSlice } from './predictSlice.ts';
import type { PrioritySlice } from './prioritySlice.ts';
import type { MigrationSlice } from './migrationSlice.ts';
import type { RfmSlice } from './rfmSlice.ts';
import type { RulesSlice } from './rulesSlice.ts';
import type { SignalsSlice } from './signalsSlice.ts';
import type { TaxonomySlice } from './taxonomySlice.ts';
import type { TimelineSlice } from './timelineSlice.ts';
import type { UiSlice } from './uiSlice.ts';
import type { WorkspaceSlice } from './workspaceSlice.ts';

export type AppState = WorkspaceSlice & CustomersSlice & TimelineSlice & UiSlice & NoticesSlice & FileDialogSlice & ImportSlice & TaxonomySlice & SignalsSlice & ClustersSlice & PredictSlice & RulesSlice & CompareSlice & RfmSlice & PrioritySlice & DecisionsSlice & EconomicsSlice & MigrationSlice & ExportSlice;

export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
