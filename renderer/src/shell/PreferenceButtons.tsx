import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';

/** Switches between Chinese and English; the button names the language it switches to. */
export function LanguageButton() {
  const { t } = useTranslation();
  const toggleLanguage = useAppStore((state) => state.toggleLanguage);
  const language = useAppStore((state) => state.language);
  return (
    <button
      type="button"
      className="button"
      data-testid="language-switch"
      aria-label={t('toolbar.switchLanguageLabel')}
      title={t('toolbar.switchLanguageLabel')}
      lang={language === 'zh' ? 'en' : 'zh-CN'}
      onClick={toggleLanguage}
    >
      {t('toolbar.switchLanguage')}
    </button>
  );
}

/** Switches between the light and the dark theme; the button names the theme it switches to. */
export function ThemeButton() {
  const { t } = useTranslation();
  const theme = useAppStore((state) => state.theme);
  const toggleTheme = useAppStore((state) => state.toggleTheme);
  return (
    <button
      type="button"
      className="button"
      data-testid="theme-switch"
      aria-label={t('toolbar.switchThemeLabel')}
      title={t('toolbar.switchThemeLabel')}
      aria-pressed={theme === 'dark'}
      onClick={toggleTheme}
    >
      {theme === 'light' ? t('toolbar.darkTheme') : t('toolbar.lightTheme')}
    </button>
  );
}
