import { useEffect } from 'react';
import { subscribeMenuCommands } from '../api';
import { useAppStore } from '../store';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Alt+L switches the language, Ctrl+F or `/` focuses the navigator's filter; menu commands do the same. */
export function useShortcuts(): void {
  useEffect(() => {
    const { toggleLanguage, toggleTheme, requestSearchFocus } = useAppStore.getState();
    const onKeyDown = (event: KeyboardEvent) => {
      const key = event.key.toLowerCase();
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyL') {
        event.preventDefault();
        toggleLanguage();
      } else if ((event.ctrlKey || event.metaKey) && !event.altKey && key === 'f') {
        event.preventDefault();
        requestSearchFocus();
      } else if (key === '/' && !event.ctrlKey && !event.altKey && !isTyping(event.target)) {
        event.preventDefault();
        requestSearchFocus();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    const unsubscribe = subscribeMenuCommands((command) => {
      if (command === 'view.toggleLanguage') toggleLanguage();
      else if (command === 'view.toggleTheme') toggleTheme();
      else if (command === 'view.focusSearch') requestSearchFocus();
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe();
    };
  }, []);
}
