// First: asks for the table's chunk when the app reopens on the table (see boot.ts).
import './boot';
// Then: configures zod before any schema exists.
import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { prepareNumberFormats } from '../../shared/format';
import { createDefaultClient } from './api';
import './i18n';
import { App } from './shell/App';
import { preloadTableView } from './shell/views';
import { useAppStore } from './store';
import './styles/theme.css';
import './styles/layout.css';

useAppStore.getState().connect(createDefaultClient());
// Asked for before the first render, so the backend reads the workspace while the shell draws.
void useAppStore.getState().loadWorkspace();
// While the page waits for the figures: the number formats their rows are written with.
requestIdleCallback(() => prepareNumberFormats(useAppStore.getState().language), { timeout: 2000 });
preloadTableView();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// AG Grid's first grid is its slowest: warmed while the page is idle (see shell/warmGrid).
void import('./shell/warmGrid').then(({ scheduleGridWarmup }) => scheduleGridWarmup());
