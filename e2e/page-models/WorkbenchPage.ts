import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { WideTableModel } from './WideTableModel';

const SCREENSHOT_DIR = path.resolve(__dirname, '..', 'screenshots');

/** The whole window: toolbar, navigator, main view, status bar. */
export class WorkbenchPage {
  readonly table: WideTableModel;
  readonly languageSwitch: Locator;
  readonly themeSwitch: Locator;
  readonly snapshotSelect: Locator;
  readonly readOnlyBadge: Locator;
  readonly navigator: Locator;
  readonly search: Locator;
  readonly statusBar: Locator;
  readonly emptyState: Locator;
  readonly errorState: Locator;

  constructor(readonly page: Page) {
    this.table = new WideTableModel(page);
    this.languageSwitch = page.getByTestId('language-switch');
    this.themeSwitch = page.getByTestId('theme-switch');
    this.snapshotSelect = page.getByTestId('snapshot-select');
    this.readOnlyBadge = page.getByTestId('read-only-badge');
    this.navigator = page.getByRole('navigation');
    this.search = page.getByTestId('navigator-search');
    this.statusBar = page.getByTestId('status-bar');
    this.emptyState = page.getByTestId('empty-state');
    this.errorState = page.getByTestId('error-state');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  category(code: string): Locator {
    return this.page.getByTestId(`nav-category-${code}`);
  }

  indicator(code: string): Locator {
    return this.page.getByTestId(`nav-indicator-${code}`);
  }

  region(code: string): Locator {
    return this.page.getByTestId(`nav-region-${code}`);
  }

  /** Saves a screenshot under e2e/screenshots/ for a person to look at. */
  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  }
}
