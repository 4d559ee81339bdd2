import { create } from 'zustand';
import type { ApiClient, AppError } from '../../../shared/api/contract';
import type { DeckItem, SavedDeck, SavedDeckItem } from '../../../shared/api/methods/charts';

/** A saved item as deck.save takes it back: its kind, what it points at, its language and note. */
export function itemInput(item: SavedDeckItem): DeckItem | null {
  switch (item.kind) {
    case 'chart':
      return item.chart === null ? null : { chart: item.chart, note: item.note };
    case 'scenario':
      return item.scenario === null ? null : { kind: 'scenario', scenario: item.scenario, lang: item.lang ?? 'zh', note: item.note };
    case 'brief':
      // A brief this version cannot read cannot be written back; it is dropped with the next change.
      return item.brief === null ? null : { kind: 'brief', brief: item.brief, note: item.note };
  }
}

/** The deck's items with one moved `by` places (−1 up, +1 down); the same list when it cannot move. */
export function moveItem<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** The items to save for a deck as it is (each saved item in the shape deck.save takes). */
export function inputsOf(items: readonly SavedDeckItem[]): DeckItem[] {
  return items.flatMap((item) => {
    const input = itemInput(item);
    return input ? [input] : [];
  });
}

type Result = AppError | null;

interface DecksState {
  decks: SavedDeck[] | null;
  /** The deck shown in the panel. */
  selected: string;
  /** The last failure or success, shown in the panel. */
  notice: { kind: 'done' | 'failed'; text: string; error?: AppError } | null;
  load: (client: ApiClient) => Promise<void>;
  select: (name: string) => void;
  /** Saves `items` as the deck `name` (one transaction) and selects it. */
  save: (client: ApiClient, name: string, items: readonly DeckItem[]) => Promise<Result>;
  /** Appends an item to a deck (creating the deck when it is new). */
  append: (client: ApiClient, name: string, item: DeckItem) => Promise<Result>;
  rename: (client: ApiClient, name: string, to: string) => Promise<Result>;
  remove: (client: ApiClient, name: string) => Promise<Result>;
  setNotice: (notice: DecksState['notice']) => void;
}

function replaced(decks: readonly SavedDeck[] | null, deck: SavedDeck, old = deck.name): SavedDeck[] {
  return [...(decks ?? []).filter((d) => d.name !== old && d.name !== deck.name), deck].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Saved decks of the workspace and the one being edited; every change is one deck.save. */
export const useDecksStore = create<DecksState>()((set, get) => ({
  decks: null,
  selected: '',
  notice: null,
  load: async (client) => {
    const result = await client('deck.list', {});
    if (!result.ok) return set({ notice: { kind: 'failed', text: '', error: result.error } });
    const selected = get().selected;
    set({ decks: result.value, selected: result.value.some((d) => d.name === selected) ? selected : (result.value[0]?.name ?? '') });
  },
  select: (name) => set({ selected: name, notice: null }),
  save: async (client, name, items) => {
    const result = await client('deck.save', { name, items: [...items] });
    if (!result.ok) return result.error;
    set((state) => ({ decks: replaced(state.decks, result.value.deck), selected: name }));
    return null;
  },
  append: async (client, name, item) => {
    const list = await client('deck.list', {});
    if (!list.ok) return list.error;
    const existing = list.value.find((d) => d.name === name);
    return get().save(client, name, [...inputsOf(existing?.items ?? []), item]);
  },
  rename: async (client, name, to) => {
    const result = await client('deck.rename', { name, to });
    if (!result.ok) return result.error;
    set((state) => ({ decks: replaced(state.decks, result.value.deck, name), selected: to }));
    return null;
  },
  remove: async (client, name) => {
    const result = await client('deck.delete', { name });
    if (!result.ok) return result.error;
    set((state) => {
      const decks = (state.decks ?? []).filter((d) => d.name !== name);
      return { decks, selected: decks[0]?.name ?? '' };
    });
    return null;
  },
  setNotice: (notice) => set({ notice }),
}));
