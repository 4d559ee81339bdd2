import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentWorkspace } from '../../../shared/api/methods/foundation';
import { useAppStore } from '../store';
import { openRecent } from './commands';
import { folderOf } from './suggestions';
import './shell.css';

/** The Workspace menu's recent files, read afresh each time the menu opens. */
export function RecentMenuSection({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const recent = useAppStore((state) => state.recentWorkspaces);
  const load = useAppStore((state) => state.loadRecentWorkspaces);
  useEffect(() => void load(), [load]);
  return (
    <>
      <li role="separator" className="menu-separator" />
      <li role="none">
        <span className="menu-heading" aria-hidden="true">
          {t('recent.heading')}
        </span>
        <ul className="menu-group" role="group" aria-label={t('recent.heading')} data-testid="recent-list">
          {recent.length === 0 ? (
            <li role="none">
              <button type="button" role="menuitem" tabIndex={-1} className="menu-item" aria-disabled="true" data-testid="recent-none">
                {t('recent.none')}
              </button>
            </li>
          ) : (
            recent.map((entry) => <RecentItem key={entry.path} entry={entry} onClose={onClose} />)
          )}
          {recent.length > 0 && (
            <li role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu-item recent-clear"
                data-testid="recent-clear"
                onClick={() => void useAppStore.getState().forgetRecentWorkspace({ all: true })}
              >
                {t('recent.clear')}
              </button>
            </li>
          )}
        </ul>
      </li>
      <li role="separator" className="menu-separator" />
    </>
  );
}

function RecentItem({ entry, onClose }: { readonly entry: RecentWorkspace; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const isCurrent = useAppStore((state) => state.info?.path === entry.path);
  const forget = useAppStore((state) => state.forgetRecentWorkspace);
  return (
    <li role="none" className="recent-row">
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        className="menu-item recent-item"
        data-testid="recent-item"
        data-path={entry.path}
        aria-disabled={!entry.exists || undefined}
        title={entry.exists ? t('recent.open', { path: entry.path }) : t('recent.missing', { path: entry.path })}
        onClick={() => {
          if (!entry.exists) return;
          onClose();
          openRecent(entry.path);
        }}
      >
        <span className="recent-name">
          {entry.fileName}
          {isCurrent && <span className="recent-tag">{t('recent.current')}</span>}
          {!entry.exists && (
            <span className="recent-tag recent-missing" data-testid="recent-missing">
              {t('recent.notFound')}
            </span>
          )}
        </span>
        <span className="recent-folder">{folderOf(entry.path)}</span>
      </button>
      {!entry.exists && (
        <button
          type="button"
          role="menuitem"
          tabIndex={-1}
          className="menu-item recent-remove"
          data-testid="recent-remove"
          aria-label={t('recent.removeLabel', { name: entry.fileName })}
          onClick={(event) => {
            // Focus stays in the menu while this row goes away.
            event.currentTarget.closest('[role="menu"]')?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
            void forget({ path: entry.path });
          }}
        >
          {t('recent.remove')}
        </button>
      )}
    </li>
  );
}
