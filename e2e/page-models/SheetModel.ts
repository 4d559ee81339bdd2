import type { Locator, Page } from '@playwright/test';

/** The table view's editing parts: tools, the long table, notices, the cell editor and the problems panel. */
export class SheetModel {
  readonly tab: Locator;
  readonly toolbar: Locator;
  readonly wideMode: Locator;
  readonly longMode: Locator;
  readonly search: Locator;
  readonly periodFilter: Locator;
  readonly addPeriodInput: Locator;
  readonly addPeriod: Locator;
  readonly notice: Locator;
  readonly editor: Locator;
  readonly editorInput: Locator;
  readonly editorHint: Locator;
  readonly problemsToggle: Locator;
  readonly problemsPanel: Locator;
  readonly problems: Locator;
  readonly changesToggle: Locator;
  readonly longTable: Locator;
  readonly wideTable: Locator;
  readonly inspector: Locator;
  readonly addRowMenu: Locator;
  /** In the "＋" menu: open it with addRowMenu first. */
  readonly addIndicator: Locator;
  readonly addRegion: Locator;
  readonly addRowDialog: Locator;
  readonly cellMenu: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByTestId('view-tab-table');
    this.toolbar = page.getByTestId('table-toolbar');
    this.wideMode = page.getByTestId('table-mode-wide');
    this.longMode = page.getByTestId('table-mode-long');
    this.search = page.getByTestId('table-search');
    this.periodFilter = page.getByTestId('period-filter');
    this.addPeriodInput = page.getByTestId('add-period-input');
    this.addPeriod = page.getByTestId('add-period');
    this.notice = page.getByTestId('edit-notice');
    this.editor = page.getByTestId('cell-editor');
    this.editorInput = this.editor.locator('input');
    this.editorHint = page.getByTestId('cell-editor-hint');
    this.problemsToggle = page.getByTestId('problems-toggle');
    this.problemsPanel = page.getByTestId('problems-panel');
    this.problems = page.getByTestId('problem');
    this.changesToggle = page.getByTestId('changes-toggle');
    this.longTable = page.getByTestId('long-table');
    this.wideTable = page.getByTestId('wide-table');
    this.inspector = page.getByTestId('cell-inspector');
    this.addRowMenu = page.getByTestId('add-row-menu');
    this.addIndicator = page.getByTestId('add-indicator');
    this.addRegion = page.getByTestId('add-region');
    this.addRowDialog = page.getByTestId('add-row-dialog');
    this.cellMenu = page.getByTestId('cell-menu');
  }

  /** A cell of the long table: rows are `indicator|region|period`, columns `value`, `growthReported`, `rankReported`, `note`, … */
  longCell(indicatorCode: string, regionCode: string, period: string, columnId: string): Locator {
    return this.longTable.locator(`[role="row"][row-id="${indicatorCode}|${regionCode}|${period}"]`).locator(`[role="gridcell"][col-id="${columnId}"]`);
  }

  /** A field of the add-row dialog: code, name-zh, name-en, unit, category, kind, level, parent. */
  addRowField(name: string): Locator {
    return this.addRowDialog.getByTestId(`add-row-${name}`);
  }

  /** Pastes text into the focused sheet as Excel would put it on the clipboard (a synthetic paste event). */
  async paste(text: string): Promise<void> {
    await this.page.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', data);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, text);
  }

  /** Copies the selection through a synthetic copy event and returns the text the sheet wrote. */
  async copy(): Promise<string> {
    return this.page.evaluate(() => {
      const transfer = new DataTransfer();
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new ClipboardEvent('copy', { clipboardData: transfer, bubbles: true, cancelable: true }));
      return transfer.getData('text/plain');
    });
  }
}
