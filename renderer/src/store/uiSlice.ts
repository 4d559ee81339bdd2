import type { AppError } from '../../../shared/api/contract';
import type { Language } from '../../../shared/format';
import { i18n } from '../i18n';
import type { ViewId } from '../shell/views';
import { readLanguage, readTheme, readView, writeLanguage, writeTheme, writeView } from './preferences';
import type { Theme } from './preferences';
import type { SliceCreator } from './types';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** The modal dialogs; at most one is open. New and Open are in-app only in the browser edition. */
export type DialogKind = 'newWorkspace' | 'openWorkspace' | 'snapshot';

export interface UiSlice {
  language: Language;
  theme: Theme;
  /** The view in the main area (renderer/src/shell/views.ts). */
  view: ViewId;
  dialog: DialogKind | null;
  /** Navigator selection; null means "all". */
  selectedCategory: string | null;
  selectedIndicator: string | null;
  selectedRegion: string | null;
  navigatorQuery: string;
  /** Bumped to ask the navigator's search box to take focus (shortcut or menu). */
  searchFocusRequest: number;
  status: LoadStatus;
  /** The last failure, shown in the user's language until dismissed or replaced. */
  error: AppError | null;
  setView: (view: ViewId) => void;
  openDialog: (dialog: DialogKind) => void;
  closeDialog: () => void;
  setLanguage: (language: Language) => void;
  toggleLanguage: () => void;
  setTheme: (theme: Theme) => void;
  toggleTheme: () => void;
  selectCategory: (code: string | null) => void;
  selectIndicator: (code: string | null, categoryCode?: string) => void;
  selectRegion: (code: string | null) => void;
  setNavigatorQuery: (query: string) => void;
  /** Back to "all" in the navigator (another workspace has other indicators and regions). */
  clearSelection: () => void;
  requestSearchFocus: () => void;
  setError: (error: AppError | null) => void;
}

/**
 * The views a launch reopens when the app was last left on one of them. The import wizard is a task
 * begun afresh each time: a launch does not reopen it (nor any view it does not know).
 */
const RESTORABLE_VIEWS: readonly ViewId[] = ['overview', 'table', 'projections', 'snapshots', 'charts'];

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  language: readLanguage(),
  theme: readTheme(),
  view: readView(RESTORABLE_VIEWS) ?? 'overview',
  dialog: null,
  selectedCategory: null,
  selectedIndicator: null,
  selectedRegion: null,
  navigatorQuery: '',
  searchFocusRequest: 0,
  status: 'idle',
  error: null,
  setView: (view) => {
    writeView(view);
    set({ view });
  },
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  setLanguage: (language) => {
    writeLanguage(language);
    // Resources are bundled, so the switch is synchronous and no frame shows mixed languages.
    void i18n.changeLanguage(language);
    set({ language });
  },
  toggleLanguage: () => get().setLanguage(get().language === 'zh' ? 'en' : 'zh'),
  setTheme: (theme) => {
    writeTheme(theme);
    set({ theme });
  },
  toggleTheme: () => get().setTheme(get().theme === 'light' ? 'dark' : 'light'),
  selectCategory: (code) => set({ selectedCategory: code, selectedIndicator: null }),
  selectIndicator: (code, categoryCode) =>
    set((state) => ({ selectedIndicator: code, selectedCategory: categoryCode ?? state.selectedCategory })),
  selectRegion: (code) => set({ selectedRegion: code }),
  setNavigatorQuery: (navigatorQuery) => set({ navigatorQuery }),
  clearSelection: () => set({ selectedCategory: null, selectedIndicator: null, selectedRegion: null, navigatorQuery: '' }),
  requestSearchFocus: () => set((state) => ({ searchFocusRequest: state.searchFocusRequest + 1 })),
  setError: (error) => set({ error }),
});
