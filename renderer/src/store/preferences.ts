import type { Language } from '../../../shared/format';

export type Theme = 'light' | 'dark';

const LANGUAGE_KEY = 'yardstick.language';
const THEME_KEY = 'yardstick.theme';
const VIEW_KEY = 'yardstick.view';

function storage(): Storage | undefined {
  // Unit tests run without a DOM, and a locked-down profile may refuse storage.
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The language chosen last time, Chinese by default. */
export function readLanguage(): Language {
  return storage()?.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh';
}

/** The theme chosen last time, light by default. */
export function readTheme(): Theme {
  return storage()?.getItem(THEME_KEY) === 'dark' ? 'dark' : 'light';
}

export function writeLanguage(language: Language): void {
  storage()?.setItem(LANGUAGE_KEY, language);
}

export function writeTheme(theme: Theme): void {
  storage()?.setItem(THEME_KEY, theme);
}

/** The view shown when the app was last used, if it is one of `restorable` (the app reopens where the analyst left it). */
export function readView<T extends string>(restorable: readonly T[]): T | undefined {
  const stored = storage()?.getItem(VIEW_KEY);
  return restorable.find((view) => view === stored);
}

export function writeView(view: string): void {
  storage()?.setItem(VIEW_KEY, view);
}
