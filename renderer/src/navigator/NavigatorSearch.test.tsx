// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../i18n';
import { matchesQuery } from './matchesQuery';
import { NavigatorSearch } from './NavigatorSearch';
import { usePinyinMatcher } from './pinyinMatcher';

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  Reflect.set(globalThis, 'IS_REACT_ACT_ENVIRONMENT', true);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

/** Says whether "lsh" finds 丽水市 with the pinyin matcher the page has now. */
function Probe() {
  const pinyin = usePinyinMatcher('');
  return <output data-testid="probe">{matchesQuery({ code: '331100', nameZh: '丽水市', nameEn: 'Lishui' }, 'lsh', pinyin) ? 'found' : 'not yet'}</output>;
}

describe('the navigator search', () => {
  it('asks for the pinyin dictionary when it gets the focus, before anything is typed', async () => {
    act(() =>
      root.render(
        <>
          <NavigatorSearch />
          <Probe />
        </>,
      ),
    );
    const probe = () => container.querySelector('[data-testid="probe"]')?.textContent;
    expect(probe()).toBe('not yet');
    await act(async () => container.querySelector<HTMLInputElement>('[data-testid="navigator-search"]')?.focus());
    await expect.poll(probe, { timeout: 10_000 }).toBe('found');
  });
});
