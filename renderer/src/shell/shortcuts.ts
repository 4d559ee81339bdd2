import type { MenuCommand } from '../../../shared/api/bridge';

/** A key with modifiers, matched by physical key (`event.code`) so Alt+L works on every layout. */
export interface KeyChord {
  readonly code: string;
  /** Ctrl, or ⌘ on macOS. */
  readonly mod?: boolean;
  readonly alt?: boolean;
  readonly shift?: boolean;
}

/**
 * Keys of the commands that the desktop app's menu also binds (electron/main/menuTemplate.ts
 * MENU_ACCELERATORS): the page listens for them only in the browser edition, so a toggle does not
 * fire twice in the desktop app.
 */
export const MENU_COMMAND_KEYS: Readonly<Partial<Record<MenuCommand, KeyChord>>> = {
  'workspace.new': { code: 'KeyN', mod: true },
  'workspace.open': { code: 'KeyO', mod: true },
  'snapshot.create': { code: 'KeyS', mod: true },
  'view.toggleLanguage': { code: 'KeyL', alt: true },
  'view.focusSearch': { code: 'KeyF', mod: true },
};

type ChordEvent = Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

export function matchesChord(event: ChordEvent, chord: KeyChord): boolean {
  const hasMod = event.ctrlKey || event.metaKey;
  return event.code === chord.code && hasMod === Boolean(chord.mod) && event.altKey === Boolean(chord.alt) && event.shiftKey === Boolean(chord.shift);
}

/** Undo and redo of the workspace's change log. */
export type EditCommand = 'edit.undo' | 'edit.redo';

/**
 * Keys of undo and redo, bound by the page in both editions while focus is not in a text field
 * (there the field's own text undo applies). The desktop menu's Edit › Undo/Redo does the same:
 * main sends edit.undo/edit.redo here unless the page reported text focus (menuTemplate.ts).
 */
export const EDIT_COMMAND_KEYS: readonly [KeyChord, EditCommand][] = [
  [{ code: 'KeyZ', mod: true }, 'edit.undo'],
  [{ code: 'KeyY', mod: true }, 'edit.redo'],
  [{ code: 'KeyZ', mod: true, shift: true }, 'edit.redo'],
];

/** "Ctrl+N", "Alt+L", "Ctrl+1": shown next to menu items and in tooltips. */
export function chordLabel(chord: KeyChord): string {
  const key = chord.code.replace(/^(Key|Digit)/, '');
  return [chord.mod ? 'Ctrl' : null, chord.alt ? 'Alt' : null, chord.shift ? 'Shift' : null, key].filter(Boolean).join('+');
}
