// The application frame: navigation, top bar, the current view, and the app-wide overlays
// (dialogs, toasts). Also wires the keyboard shortcuts, the desktop menu and the theme.
import { useEffect } from 'react';
import { useApp } from './store/index.ts';
import { resolvedTheme } from './store/uiSlice.ts';
import { NavRail } from './components/NavRail.tsx';
import { TopBar } from './components/TopBar.tsx';
import { ErrorBanner } from './components/ErrorBanner.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { Toasts } from './components/Toasts.tsx';
import { ConnectionLost } from './components/ConnectionLost.tsx';
import { Welcome } from './views/welcome/Welcome.tsx';
import { DataView } from './views/data/DataView.tsx';
import { SignalsView } from './views/signals/SignalsView.tsx';
import { ClustersView } from './views/clusters/ClustersView.tsx';
import { PredictView } from './views/predict/PredictView.tsx';
import { RulesView } from './views/rules/RulesView.tsx';
import { MigrationView } from './views/migration/MigrationView.tsx';
import { EconomicsView } from './views/economics/EconomicsView.tsx';
import { ExportView } from './views/export/ExportView.tsx';
import { PlaceholderView } from './views/placeholder/PlaceholderView.tsx';
import { SampleDialog } from './views/sample/SampleDialog.tsx';
import { FileDialog } from './views/files/FileDialog.tsx';
import { ImportDialog } from './views/import/ImportDialog.tsx';
import { DropOverlay } from './views/import/DropOverlay.tsx';
import { EraseCustomerDialog } from './views/timeline/EraseCustomerDialog.tsx';
import { useMenuCommands, useSystemTheme, useViewShortcuts } from './hooks/useAppShortcuts.ts';
import { viewInfo } from './lib/views.ts';

function useDocumentTheme() {
  const mode = useApp(resolvedTheme);
  useEffect(() => {
    document.documentElement.dataset.theme = mode;
  }, [mode]);
}

function useDocumentTitle() {
  const name = useApp((s) => s.workspace?.name);
  useEffect(() => {
    document.title = name ? `${name} — Segment Workbench` : 'Segment Workbench';
  }, [name]);
}

function CurrentView() {
  const view = useApp((s) => s.view);
  const workspace = useApp((s) => s.workspace);
  const booting = useApp((s) => s.booting);
  if (booting) {
    return (
      <div className="booting muted" role="status">
        <span className="spinner" /> Starting…
      </div>
    );
  }
  let content;
  if (view === 'data') content = workspace ? <DataView key={workspace.path} /> : <Welcome />;
  else if (view === 'signals' && workspace) content = <SignalsView key={workspace.path} />;
  else if (view === 'clusters' && workspace) content = <ClustersView key={workspace.path} />;
  else if (view === 'predict' && workspace) content = <PredictView key={workspace.path} />;
  else if (view === 'rules' && workspace) content = <RulesView key={workspace.path} />;
  else if (view === 'migration' && workspace) content = <MigrationView key={workspace.path} />;
  else if (view === 'economics' && workspace) content = <EconomicsView key={workspace.path} />;
  else if (view === 'export' && workspace) content = <ExportView key={workspace.path} />;
  else content = <PlaceholderView id={view} />;
  return (
    <ErrorBoundary key={view} where={`the ${viewInfo(view).label} view`}>
      {content}
    </ErrorBoundary>
  );
}

export function App() {
  const connectionError = useApp((s) => s.connectionError);
  useSystemTheme();
  useDocumentTheme();
  useDocumentTitle();
  useViewShortcuts();
  useMenuCommands();

  useEffect(() => {
    void useApp.getState().init();
  }, []);

  if (connectionError) return <ConnectionLost detail={connectionError} />;

  return (
    <div className="app">
      <NavRail />
      <div className="app-main">
        <TopBar />
        <ErrorBanner />
        <main className="view" id="main">
          <CurrentView />
        </main>
      </div>
      <SampleDialog />
      <ImportDialog />
      <EraseCustomerDialog />
      <FileDialog />
      <DropOverlay />
      <Toasts />
    </div>
  );
}
