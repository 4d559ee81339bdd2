import { useEffect, useRef, useState } from 'react';
import type { FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SnapshotsDialogs } from '../snapshots/SnapshotsDialogs';
import { WorkspaceMenuList } from './WorkspaceMenuList';

/** The toolbar's "Workspace" menu button; its items run the same commands as the shortcuts and the desktop menu. */
export function WorkspaceMenu() {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!isOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [isOpen]);
  const closeToButton = () => {
    setOpen(false);
    button.current?.focus();
  };
  // Focus leaving the menu (Tab, a click elsewhere, a dialog opened by a shortcut) closes it.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
  };
  return (
    <div ref={container} className="menu" onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className="button menu-button"
        data-testid="workspace-menu"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        onClick={() => setOpen(!isOpen)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {t('workspaceMenu.button')}
        <span className="menu-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {isOpen && <WorkspaceMenuList onClose={closeToButton} />}
      {/* Save As and the backups dialog open from this menu in every view. */}
      <SnapshotsDialogs />
    </div>
  );
}
