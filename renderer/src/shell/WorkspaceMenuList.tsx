import { useEffect, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuCommand } from '../../../shared/api/bridge';
import type { Messages } from '../i18n/zh';
import { useAppStore } from '../store';
import { runCommand } from './commands';
import { RecentMenuSection } from './RecentMenuSection';
import { chordLabel, MENU_COMMAND_KEYS } from './shortcuts';

interface MenuEntry {
  readonly command: MenuCommand;
  readonly labelKey: `workspaceMenu.${keyof Messages['workspaceMenu'] & string}` | `snapshots.menu.${keyof Messages['snapshots']['menu'] & string}`;
  readonly needsWorkspace?: boolean;
}

const ENTRIES: readonly MenuEntry[] = [
  { command: 'workspace.new', labelKey: 'workspaceMenu.new' },
  { command: 'workspace.open', labelKey: 'workspaceMenu.open' },
  { command: 'workspace.openSample', labelKey: 'workspaceMenu.openSample' },
  { command: 'workspace.saveAs', labelKey: 'snapshots.menu.saveAs', needsWorkspace: true },
  { command: 'backup.create', labelKey: 'snapshots.menu.backupNow', needsWorkspace: true },
  { command: 'backup.restore', labelKey: 'snapshots.menu.restoreBackup', needsWorkspace: true },
  // Take snapshot stays last, where ArrowUp from the first item lands.
  { command: 'snapshot.create', labelKey: 'workspaceMenu.snapshot', needsWorkspace: true },
];

/** The recent files follow the Open items, as in a desktop File menu. */
const RECENT_AFTER: MenuCommand = 'workspace.openSample';

const MOVES: Readonly<Record<string, (index: number, count: number) => number>> = {
  ArrowDown: (index, count) => (index + 1) % count,
  ArrowUp: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_, count) => count - 1,
};

/** The open menu (WAI-ARIA menu pattern): arrows, Home/End move, Enter chooses, Esc closes to the button. */
export function WorkspaceMenuList({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation();
  const hasWorkspace = useAppStore((state) => state.info !== null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => list.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus(), []);
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      return onClose();
    }
    const move = MOVES[event.key];
    if (!move || !list.current) return;
    event.preventDefault();
    const items = [...list.current.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')];
    items[move(items.indexOf(document.activeElement as HTMLElement), items.length)]?.focus();
  };
  const choose = (entry: MenuEntry) => {
    if (entry.needsWorkspace && !hasWorkspace) return;
    onClose();
    runCommand(entry.command);
  };
  return (
    <ul ref={list} className="menu-list" role="menu" aria-label={t('workspaceMenu.button')} onKeyDown={onKeyDown}>
      {ENTRIES.map((entry) => (
        <MenuEntryItem key={entry.command} entry={entry} isDisabled={Boolean(entry.needsWorkspace && !hasWorkspace)} onChoose={choose}>
          {entry.command === RECENT_AFTER && <RecentMenuSection onClose={onClose} />}
        </MenuEntryItem>
      ))}
    </ul>
  );
}

function MenuEntryItem({ entry, isDisabled, onChoose, children }: { readonly entry: MenuEntry; readonly isDisabled: boolean; readonly onChoose: (entry: MenuEntry) => void; readonly children?: ReactNode }) {
  const { t } = useTranslation();
  const chord = MENU_COMMAND_KEYS[entry.command];
  return (
    <>
      <li role="none">
        <button
          type="button"
          role="menuitem"
          tabIndex={-1}
          className="menu-item"
          data-testid={`menu-${entry.command}`}
          aria-disabled={isDisabled || undefined}
          aria-keyshortcuts={chord ? chordLabel(chord).replace('Ctrl', 'Control') : undefined}
          onClick={() => onChoose(entry)}
        >
          <span>{t(entry.labelKey)}</span>
          {chord && <kbd className="menu-shortcut">{chordLabel(chord)}</kbd>}
        </button>
      </li>
      {children}
    </>
  );
}
