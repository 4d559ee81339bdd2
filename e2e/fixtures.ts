import { test as base, expect } from '@playwright/test';
import { WorkbenchPage } from './page-models/WorkbenchPage';
import { startServer } from './server';
import type { RunningServer } from './server';

export interface Fixtures {
  /** A fresh browser-edition process on a fresh sample workspace, stopped after the test. */
  server: RunningServer;
  /** The workbench page, not yet opened. */
  workbench: WorkbenchPage;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern.
  server: async ({}, use) => {
    const server = await startServer();
    try {
      await use(server);
    } finally {
      await server.stop();
    }
  },
  workbench: async ({ page }, use) => {
    await use(new WorkbenchPage(page));
  },
});

export { expect };
