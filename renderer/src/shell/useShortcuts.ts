import { useEffect } from 'react';
import type { MenuCommand } from '../../../shared/api/bridge';
import { isDesktop, reportTextFocus, subscribeMenuCommands } from '../api';
import { runCommand, runEditCommand, showView } from './commands';
import { EDIT_COMMAND_KEYS, matchesChord, MENU_COMMAND_KEYS } from './shortcuts';
import type { KeyChord } from './shortcuts';
import { VIEWS } from './views';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * Keys of the page. In the desktop app the menu's accelerators send Ctrl+N/O/S/F and Alt+L as
 * menu commands, so the page binds only the view keys and `/` there.
 */
function pageKeys(desktop: boolean): [KeyChord, () => void][] {
  const menuKeys = desktop
    ? []
    : Object.entries(MENU_COMMAND_KEYS).map(([command, chord]): [KeyChord, () => void] => [chord, () => runCommand(command as MenuCommand)]);
  const viewKeys = VIEWS.map((view): [KeyChord, () => void] => [view.shortcut, () => showView(view.id)]);
  return [...menuKeys, ...viewKeys];
}

/** Keyboard shortcuts and the desktop app's menu commands, both through runCommand. */
export function useShortcuts(): void {
  useEffect(() => {
    const keys = pageKeys(isDesktop());
    const onKeyDown = (event: KeyboardEvent) => {
      const match = keys.find(([chord]) => matchesChord(event, chord));
      const edit = EDIT_COMMAND_KEYS.find(([chord]) => matchesChord(event, chord));
      if (edit && !isTyping(event.target)) {
        event.preventDefault();
        runEditCommand(edit[1]);
      } else if (match) {
        // Also while a dialog is open: Ctrl+S must not open the browser's "Save page" there.
        event.preventDefault();
        match[1]();
      } else if (event.key === '/' && !event.ctrlKey && !event.altKey && !event.metaKey && !isTyping(event.target)) {
        event.preventDefault();
        runCommand('view.focusSearch');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    const unsubscribe = subscribeMenuCommands(runCommand);
    // The desktop menu's Undo asks main, which needs to know whether typing has the focus.
    const onFocusChange = () => reportTextFocus(isTyping(document.activeElement));
    if (isDesktop()) {
      document.addEventListener('focusin', onFocusChange);
      document.addEventListener('focusout', onFocusChange);
    }
    return () => {
      document.removeEventListener('focusin', onFocusChange);
      document.removeEventListener('focusout', onFocusChange);
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe();
    };
  }, []);
}
