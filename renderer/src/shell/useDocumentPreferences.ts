import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';

/** Mirrors language and theme onto <html> (lang, title, CSS theme, AG Grid's theme mode). */
export function useDocumentPreferences(): void {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const theme = useAppStore((state) => state.theme);
  // Before paint, so a dark-theme user never sees a light flash.
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.lang = language === 'zh' ? 'zh-CN' : 'en';
    root.dataset.theme = theme;
    root.dataset.agThemeMode = theme;
    root.style.colorScheme = theme;
    document.title = t('app.title');
  }, [language, theme, t]);
}
