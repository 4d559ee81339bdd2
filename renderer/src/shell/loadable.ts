import { createElement, useEffect, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyValue } from './lazyValue';

/**
 * A view whose chunk loads on first use (or ahead of it, with `preload`): a loading line until it
 * has arrived, then the view, rendered as an ordinary update. React.lazy suspends instead, and
 * React holds back revealing a suspended boundary for up to 300 ms after its fallback showed: at
 * launch the table's chunk often arrived just after the workspace's figures, and the table then
 * waited 40-140 ms more for that timer (up to 300 ms on a first switch to another view).
 */
export function loadable(load: () => Promise<ComponentType>): ComponentType & { preload: () => void } {
  const chunk = lazyValue(load, 'a view');
  function View() {
    const { t } = useTranslation();
    const { value: component, isFailed } = chunk.useCurrent();
    useEffect(() => chunk.load(), []);
    if (component) return createElement(component);
    if (isFailed) return createElement('p', { className: 'notice', role: 'alert', 'data-testid': 'view-load-failed' }, t('status.viewLoadFailed'));
    return createElement('p', { className: 'notice', 'data-testid': 'view-loading' }, t('status.loading'));
  }
  return Object.assign(View, { preload: chunk.load });
}
