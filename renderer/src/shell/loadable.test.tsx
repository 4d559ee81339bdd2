// @vitest-environment happy-dom
import { act, Suspense, type ComponentType } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n';
import { reactRootPerTest } from '../testing/reactRoot';
import { loadable } from './loadable';

const dom = reactRootPerTest();
afterEach(() => vi.restoreAllMocks());

/** A chunk the test delivers (or fails) by hand. */
function heldChunk() {
  let deliver: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const load = vi.fn(
    () =>
      new Promise<ComponentType>((resolve, reject) => {
        deliver = () => resolve(() => <p data-testid="the-view">表格</p>);
        fail = reject;
      }),
  );
  return { load, deliver: () => deliver(), fail: (error: Error) => fail(error) };
}

const FALLBACK = <p data-testid="suspended">suspended</p>;

describe('a view loaded on first use', () => {
  it('shows a loading line, then the view, without ever suspending', async () => {
    const chunk = heldChunk();
    const View = loadable(chunk.load);
    act(() => dom.root.render(<Suspense fallback={FALLBACK}><View /></Suspense>));
    expect(dom.container.querySelector('[data-testid="view-loading"]')?.textContent).toBe('正在加载…');
    expect(dom.container.querySelector('[data-testid="suspended"]')).toBeNull();
    await act(async () => chunk.deliver());
    expect(dom.container.querySelector('[data-testid="the-view"]')?.textContent).toBe('表格');
    expect(dom.container.querySelector('[data-testid="view-loading"]')).toBeNull();
    expect(chunk.load).toHaveBeenCalledTimes(1);
  });

  it('asked for ahead of time, loads once and renders at once', async () => {
    const chunk = heldChunk();
    const View = loadable(chunk.load);
    View.preload();
    View.preload();
    await act(async () => chunk.deliver());
    act(() => dom.root.render(<View />));
    expect(dom.container.querySelector('[data-testid="the-view"]')).not.toBeNull();
    expect(chunk.load).toHaveBeenCalledTimes(1);
  });

  it('says so when its chunk cannot be loaded, instead of a blank window', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const chunk = heldChunk();
    const View = loadable(chunk.load);
    act(() => dom.root.render(<View />));
    await act(async () => chunk.fail(new Error('Failed to fetch dynamically imported module')));
    expect(dom.container.querySelector('[role="alert"]')?.textContent).toContain('此视图未能加载');
    expect(dom.container.querySelector('[data-testid="view-loading"]')).toBeNull();
    expect(errors).toHaveBeenCalled();
  });
});
