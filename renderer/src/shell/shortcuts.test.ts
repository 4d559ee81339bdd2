import { describe, expect, it } from 'vitest';
import { zh } from '../i18n/zh';
import { chordLabel, EDIT_COMMAND_KEYS, matchesChord, MENU_COMMAND_KEYS } from './shortcuts';
import { VIEWS } from './views';

const key = (code: string, modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers,
});

describe('keyboard shortcuts', () => {
  it('match the exact modifiers, Ctrl or ⌘', () => {
    const save = MENU_COMMAND_KEYS['snapshot.create']!;
    expect(matchesChord(key('KeyS', { ctrlKey: true }), save)).toBe(true);
    expect(matchesChord(key('KeyS', { metaKey: true }), save)).toBe(true);
    expect(matchesChord(key('KeyS'), save)).toBe(false);
    expect(matchesChord(key('KeyS', { ctrlKey: true, shiftKey: true }), save)).toBe(false);
    expect(matchesChord(key('KeyL', { altKey: true }), MENU_COMMAND_KEYS['view.toggleLanguage']!)).toBe(true);
  });

  it('undo on Ctrl+Z, redo on Ctrl+Y and Ctrl+Shift+Z', () => {
    const command = (event: ReturnType<typeof key>) => EDIT_COMMAND_KEYS.find(([chord]) => matchesChord(event, chord))?.[1];
    expect(command(key('KeyZ', { ctrlKey: true }))).toBe('edit.undo');
    expect(command(key('KeyY', { ctrlKey: true }))).toBe('edit.redo');
    expect(command(key('KeyZ', { ctrlKey: true, shiftKey: true }))).toBe('edit.redo');
    expect(command(key('KeyZ'))).toBeUndefined();
    expect(chordLabel(EDIT_COMMAND_KEYS[2]![0])).toBe('Ctrl+Shift+Z');
  });

  it('are labelled like the desktop menu', () => {
    expect(chordLabel(MENU_COMMAND_KEYS['workspace.new']!)).toBe('Ctrl+N');
    expect(chordLabel(MENU_COMMAND_KEYS['view.toggleLanguage']!)).toBe('Alt+L');
    expect(chordLabel(VIEWS[0].shortcut)).toBe('Ctrl+1');
  });
});

describe('the view registry', () => {
  it('has one entry per named view, with distinct ids and keys', () => {
    expect(VIEWS.map((view) => view.id).sort()).toEqual(Object.keys(zh.views).sort());
    expect(new Set(VIEWS.map((view) => chordLabel(view.shortcut))).size).toBe(VIEWS.length);
    for (const view of VIEWS) expect(view.labelKey).toBe(`views.${view.id}`);
  });
});
