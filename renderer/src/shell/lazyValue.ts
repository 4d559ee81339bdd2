import { useSyncExternalStore } from 'react';

/** What components see of a value loaded from a chunk of its own. */
export interface LazyState<T> {
  readonly value?: T;
  /** The last load failed (the value is still missing); a later `load` tries again. */
  readonly isFailed: boolean;
}

export interface LazyValue<T> {
  /** Starts loading, once (again after a failure). */
  load(): void;
  /** The state now, re-rendering the component when the value arrives or the load fails. */
  useCurrent(): LazyState<T>;
}

/**
 * A value (a view, the pinyin dictionary) that arrives from a dynamic import. Components read it as
 * an ordinary store, so its arrival is an ordinary update: nothing suspends. `what` names it in the
 * console when it cannot be loaded.
 */
export function lazyValue<T>(importValue: () => Promise<T>, what: string): LazyValue<T> {
  // Replaced, never changed, so that React sees each change.
  let state: LazyState<T> = { isFailed: false };
  let loading: Promise<void> | undefined;
  const listeners = new Set<() => void>();
  const settle = (next: LazyState<T>): void => {
    state = next;
    listeners.forEach((listener) => listener());
  };
  const subscribe = (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const snapshot = (): LazyState<T> => state;
  return {
    load: () => {
      loading ??= importValue().then(
        (value) => settle({ value, isFailed: false }),
        (error: unknown) => {
          loading = undefined;
          console.error(`[yardstick] ${what} could not be loaded:`, error);
          settle({ isFailed: true });
        },
      );
    },
    useCurrent: () => useSyncExternalStore(subscribe, snapshot),
  };
}
