import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, expect, test } from '@playwright/test';

// Never import 'electron' here: under Node that module tries to download the binary.
const ROOT = path.resolve(__dirname, '..');
const ELECTRON_DIST = path.join(ROOT, 'node_modules', 'electron', 'dist');
const MAIN_JS = path.join(ROOT, 'out', 'main', 'index.js');

function electronExecutable(): string {
  if (process.platform === 'win32') return path.join(ELECTRON_DIST, 'electron.exe');
  if (process.platform === 'darwin') return path.join(ELECTRON_DIST, 'Electron.app', 'Contents', 'MacOS', 'Electron');
  return path.join(ELECTRON_DIST, 'electron');
}

test('the desktop app opens the sample and shows Lishui 2024 in the table', async () => {
  test.skip(!existsSync(ELECTRON_DIST), 'Electron runtime not installed on this machine: skipped');
  const userData = await mkdtemp(path.join(tmpdir(), 'yardstick-electron-'));
  const app = await _electron.launch({
    executablePath: electronExecutable(),
    args: [MAIN_JS, `--user-data-dir=${userData}`],
    cwd: ROOT,
  });
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle(/Yardstick/);
    // The overview is the first screen; the table is one tab away.
    await window.getByTestId('view-tab-table').click();
    const cell = window.getByTestId('wide-table').locator('[role="row"][row-id="industrial_value_added|331100"] [role="gridcell"][col-id="period:2024"]');
    await expect(cell).toHaveText(/^(4717\.8|471\.78)$/);
  } finally {
    await app.close();
    await rm(userData, { recursive: true, force: true });
  }
});
