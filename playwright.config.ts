import { defineConfig } from '@playwright/test';

/**
 * e2e: the browser edition in Debian's Chromium, one fresh server and sample workspace per test
 * (e2e/fixtures.ts). Needs `npx electron-vite build` first (`npm test` does it).
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  workers: 2,
  fullyParallel: true,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
    screenshot: 'on',
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 760 },
    locale: 'zh-CN',
  },
});
