import { useEffect } from 'react';
import { Dialogs } from '../dialogs/Dialogs';
import { useAppStore } from '../store';
import { Navigator } from '../navigator/Navigator';
import { MainView } from './MainView';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { useDocumentPreferences } from './useDocumentPreferences';
import { useShortcuts } from './useShortcuts';

/** The workbench shell: toolbar, navigator, main view, status bar. */
export function App() {
  useDocumentPreferences();
  useShortcuts();
  useEffect(() => {
    // main.tsx starts loading before the first render; an App rendered on its own loads here.
    if (useAppStore.getState().status === 'idle') void useAppStore.getState().loadWorkspace();
  }, []);
  return (
    <div className="app" data-testid="app">
      <Toolbar />
      <div className="app-body">
        <Navigator />
        <MainView />
      </div>
      <StatusBar />
      <Dialogs />
    </div>
  );
}
