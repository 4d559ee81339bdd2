import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { DialogModel } from './DialogModel';
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
  readonly workspaceMenu: Locator;
  readonly dialog: DialogModel;

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
    this.workspaceMenu = page.getByTestId('workspace-menu');
    this.dialog = new DialogModel(page);
  }

  /**
   * Opens the page, then shows `view` (a view id from renderer/src/shell/views.ts). The overview is
   * the first screen; most specs read the table, so that is the default; null stays on the first screen.
   */
  async open(url: string, view: string | null = 'table'): Promise<void> {
    await this.page.goto(url);
    if (view) await this.page.getByTestId(`view-tab-${view}`).click();
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

  /** An item of the toolbar's Workspace menu, by its command (`workspace.new`, `snapshot.create`, …). */
  menuItem(command: string): Locator {
    return this.page.getByTestId(`menu-${command}`);
  }

  /** The Workspace menu's recent files, most recent first. */
  get recentItems(): Locator {
    return this.page.getByTestId('recent-item');
  }

  /** One recent file, by the end of its path (its file name). */
  recentItem(fileName: string): Locator {
    return this.page.locator(`[data-testid="recent-item"][data-path$="${fileName}"]`);
  }

  /** The Remove button beside a recent file that is no longer there. */
  recentRemove(fileName: string): Locator {
    return this.page.locator('.recent-row').filter({ has: this.recentItem(fileName) }).getByTestId('recent-remove');
  }

  /** Opens the Workspace menu and chooses an item. */
  async chooseFromMenu(command: string): Promise<void> {
    await this.workspaceMenu.click();
    await this.menuItem(command).click();
  }

  /** Starts collecting Content-Security-Policy violations (call before open()). */
  async recordCspViolations(): Promise<void> {
    await this.page.addInitScript(() => {
      const seen: string[] = [];
      Object.defineProperty(window, '__cspViolations', { value: seen });
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective}: ${event.blockedURI}`));
    });
  }

  async cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? ['not recording']);
  }

  /** Saves a screenshot under e2e/screenshots/ for a person to look at. */
  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  }
}
