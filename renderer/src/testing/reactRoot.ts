import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

/**
 * A React root in an element of its own, made before each test of the calling file and unmounted
 * after it (happy-dom tests). Read `container` and `root` inside the tests: each test gets new ones.
 */
export function reactRootPerTest(): { readonly container: HTMLDivElement; readonly root: Root } {
  const current = {} as { container: HTMLDivElement; root: Root };
  beforeEach(() => {
    Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', true);
    current.container = document.createElement('div');
    document.body.append(current.container);
    current.root = createRoot(current.container);
  });
  afterEach(() => {
    act(() => current.root.unmount());
    current.container.remove();
  });
  return current;
}
