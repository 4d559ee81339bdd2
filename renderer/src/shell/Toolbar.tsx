import { useTranslation } from 'react-i18next';
import { LanguageButton, ThemeButton } from './PreferenceButtons';
import { SnapshotSelector } from './SnapshotSelector';
import { ViewTabs } from './ViewTabs';
import { WorkspaceMenu } from './WorkspaceMenu';

/** The top bar: the app's name, the workspace menu, the views, which version of the data is shown, the preferences. */
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
      <WorkspaceMenu />
      <ViewTabs />
      <SnapshotSelector />
      <div className="toolbar-spacer" />
      <LanguageButton />
      <ThemeButton />
    </header>
  );
}
