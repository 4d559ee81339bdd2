// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import '../i18n';
import { reactRootPerTest } from '../testing/reactRoot';
import { matchesQuery } from './matchesQuery';
import { NavigatorSearch } from './NavigatorSearch';
import { usePinyinMatcher } from './pinyinMatcher';

const dom = reactRootPerTest();

/** Says whether "lsh" finds 丽水市 with the pinyin matcher the page has now. */
function Probe() {
  const pinyin = usePinyinMatcher('');
  return <output data-testid="probe">{matchesQuery({ code: '331100', nameZh: '丽水市', nameEn: 'Lishui' }, 'lsh', pinyin) ? 'found' : 'not yet'}</output>;
}

describe('the navigator search', () => {
  it('asks for the pinyin dictionary when it gets the focus, before anything is typed', async () => {
    act(() =>
      dom.root.render(
        <>
          <NavigatorSearch />
          <Probe />
        </>,
      ),
    );
    const probe = () => dom.container.querySelector('[data-testid="probe"]')?.textContent;
    expect(probe()).toBe('not yet');
    await act(async () => dom.container.querySelector<HTMLInputElement>('[data-testid="navigator-search"]')?.focus());
    await expect.poll(probe, { timeout: 10_000 }).toBe('found');
  });
});
