// Entry point of the renderer (browser shell and Electron window alike).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { loadThemePreference } from './lib/themePreference.ts';
import './styles/tokens.css';
import './styles/base.css';
import './styles/frame.css';
import './styles/feedback.css';
import './styles/dialog.css';
import './styles/welcome.css';
import './styles/grid.css';
import './styles/timeline.css';
import './styles/import.css';
import './styles/taxonomy.css';
import './styles/view-panels.css';
import './styles/virtual-rows-table.css';
import './styles/signals.css';

// Apply the theme before the first paint, so a dark-mode user never sees a white flash.
const pref = loadThemePreference();
const systemDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
document.documentElement.dataset.theme = pref === 'system' ? (systemDark ? 'dark' : 'light') : pref;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary where="the application">
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
