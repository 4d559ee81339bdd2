import { useTranslation } from 'react-i18next';
import { LanguageButton, ThemeButton } from './PreferenceButtons';
import { SnapshotSelector } from './SnapshotSelector';

/** The top bar: the app's name, which version of the data is shown, and the preferences. */
export function Toolbar() {
  const { t } = useTranslation();
  return (
    <header className="toolbar" data-testid="toolbar">
      <div className="brand">
        <span className="brand-mark" lang="zh-CN">
          {t('app.brand')}
        </span>
        <span className="brand-name">{t('app.brandLatin')}</span>
      </div>
      <SnapshotSelector />
      <div className="toolbar-spacer" />
      <LanguageButton />
      <ThemeButton />
    </header>
  );
}
