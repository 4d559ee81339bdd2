// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DialogRequest, YardstickBridge } from '../../../shared/api/bridge';
import '../i18n';
import { reactRootPerTest } from '../testing/reactRoot';
import { baseName, SavePathField } from './SavePathField';

const dom = reactRootPerTest();
afterEach(() => Reflect.deleteProperty(window, 'yardstick'));

function render(onChange: (value: string) => void) {
  act(() => dom.root.render(<SavePathField format="xlsx" value="/home/me/对标/本期修订.xlsx" onChange={onChange} testId="export-path" />));
}

describe('SavePathField', () => {
  it('is a path field only in the browser edition', () => {
    render(vi.fn());
    expect(dom.container.querySelector('[data-testid="export-path"]')).not.toBeNull();
    expect(dom.container.querySelector('[data-testid="export-path-choose"]')).toBeNull();
  });

  it('in the desktop app, Choose… opens the native Save dialog for the format and fills the field', async () => {
    const chooseFile = vi.fn(async (_request: DialogRequest) => '/data/2024年修订.xlsx');
    const bridge: YardstickBridge = { transport: 'electron', invoke: vi.fn(), chooseFile, onMenuCommand: () => () => undefined };
    Object.defineProperty(window, 'yardstick', { value: bridge, configurable: true });
    const onChange = vi.fn();
    render(onChange);
    const choose = dom.container.querySelector<HTMLButtonElement>('[data-testid="export-path-choose"]');
    expect(choose?.textContent).toBe('选择…');
    await act(async () => choose?.click());
    expect(chooseFile).toHaveBeenCalledWith({ kind: 'saveExport', format: 'xlsx', defaultName: '本期修订.xlsx' });
    expect(onChange).toHaveBeenCalledWith('/data/2024年修订.xlsx');
  });

  it('takes the file name off a Windows or POSIX path', () => {
    expect(baseName('D:\\对标\\a.xlsx')).toBe('a.xlsx');
    expect(baseName('/a/b.csv')).toBe('b.csv');
    expect(baseName('b.csv')).toBe('b.csv');
  });
});
