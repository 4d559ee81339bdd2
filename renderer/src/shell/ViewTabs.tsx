import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';
import { showView } from './commands';
import { chordLabel } from './shortcuts';
import { VIEWS } from './views';

export const VIEW_PANEL_ID = 'view-panel';
export const viewTabId = (id: string): string => `view-tab-${id}`;

/** Left/Right, Home/End move between tabs (the WAI-ARIA tabs pattern, activating on focus). */
function onTabKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number): void {
  const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: VIEWS.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  const view = VIEWS.at(next % VIEWS.length);
  if (!view) return;
  showView(view.id);
  document.getElementById(viewTabId(view.id))?.focus();
}

/** The views of the main area as tabs (renderer/src/shell/views.ts). */
export function ViewTabs() {
  const { t } = useTranslation();
  const current = useAppStore((state) => state.view);
  return (
    <div className="view-tabs" role="tablist" aria-label={t('toolbar.views')}>
      {VIEWS.map((view, index) => (
        <button
          key={view.id}
          id={viewTabId(view.id)}
          type="button"
          role="tab"
          className="view-tab"
          data-testid={`view-tab-${view.id}`}
          aria-selected={view.id === current}
          aria-controls={VIEW_PANEL_ID}
          tabIndex={view.id === current ? 0 : -1}
          title={`${t(view.labelKey)} (${chordLabel(view.shortcut)})`}
          onClick={() => showView(view.id)}
          onKeyDown={(event) => onTabKeyDown(event, index)}
        >
          {t(view.labelKey)}
        </button>
      ))}
    </div>
  );
}
