import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';
import { selectIsSheetLocked } from '../store/selectors';

export interface MenuPlace {
  readonly x: number;
  readonly y: number;
}

/**
 * The table's right-click menu on a cell: its history, and adding an indicator or a region. Arrow
 * keys move between the items, Enter chooses, Escape or a click elsewhere closes it.
 */
export function CellContextMenu({ place, onClose, onHistory }: { readonly place: MenuPlace; readonly onClose: () => void; readonly onHistory: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const isReadOnly = useAppStore(selectIsSheetLocked);
  const openAddRow = useAppStore((state) => state.openAddRow);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node | null)) onClose();
    };
    window.addEventListener('mousedown', onPointer, true);
    return () => window.removeEventListener('mousedown', onPointer, true);
  }, [onClose]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    }
  };
  const choose = (action: () => void) => () => {
    onClose();
    action();
  };
  // Kept inside the window: a menu opened near the right or bottom edge opens towards the middle.
  const left = Math.min(place.x, window.innerWidth - 240);
  const top = Math.min(place.y, window.innerHeight - 140);
  return (
    <div ref={ref} className="cell-menu" role="menu" aria-label={t('editing.menu.label')} style={{ left, top }} data-testid="cell-menu" onKeyDown={onKeyDown}>
      <button type="button" role="menuitem" className="cell-menu-item" data-testid="cell-menu-history" onClick={choose(onHistory)}>
        <span>{t('editing.menu.history')}</span>
        <kbd>{t('editing.menu.historyKeys')}</kbd>
      </button>
      <button type="button" role="menuitem" className="cell-menu-item" disabled={isReadOnly} data-testid="cell-menu-add-indicator" onClick={choose(() => openAddRow('indicator'))}>
        <span>{t('editing.menu.addIndicator')}</span>
      </button>
      <button type="button" role="menuitem" className="cell-menu-item" disabled={isReadOnly} data-testid="cell-menu-add-region" onClick={choose(() => openAddRow('region'))}>
        <span>{t('editing.menu.addRegion')}</span>
      </button>
    </div>
  );
}
