import { createElement, useEffect, useSyncExternalStore, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A view whose chunk loads on first use (or ahead of it, with `preload`): a loading line until it
 * has arrived, then the view, rendered as an ordinary update. React.lazy suspends instead, and
 * React holds back revealing a suspended boundary for up to 300 ms after its fallback showed: at
 * launch the table's chunk often arrived just after the workspace's figures, and the table then
 * waited 40-140 ms more for that timer (up to 300 ms on a first switch to another view).
 */
export function loadable(load: () => Promise<ComponentType>): ComponentType & { preload: () => void } {
  /** Replaced (never changed) when the chunk arrives or fails, so that React sees the change. */
  let state: { readonly component?: ComponentType; readonly isFailed: boolean } = { isFailed: false };
  let chunk: Promise<void> | undefined;
  const listeners = new Set<() => void>();
  const settle = (next: typeof state): void => {
    state = next;
    listeners.forEach((listener) => listener());
  };
  const start = (): void => {
    chunk ??= load().then(
      (component) => settle({ component, isFailed: false }),
      (error: unknown) => {
        console.error('[yardstick] a view could not be loaded:', error);
        settle({ isFailed: true });
      },
    );
  };
  const subscribe = (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const snapshot = (): typeof state => state;
  function View() {
    const { t } = useTranslation();
    const { component, isFailed } = useSyncExternalStore(subscribe, snapshot);
    useEffect(start, []);
    if (component) return createElement(component);
    if (isFailed) return createElement('p', { className: 'notice', role: 'alert', 'data-testid': 'view-load-failed' }, t('status.viewLoadFailed'));
    return createElement('p', { className: 'notice', 'data-testid': 'view-loading' }, t('status.loading'));
  }
  return Object.assign(View, { preload: start });
}
