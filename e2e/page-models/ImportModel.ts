import type { Locator, Page } from '@playwright/test';

/** The import wizard view (renderer/src/import). */
export class ImportModel {
  readonly root: Locator;
  readonly path: Locator;
  readonly inspect: Locator;
  readonly fileInfo: Locator;
  readonly sheetGrid: Locator;
  readonly detectedUnit: Locator;
  readonly detectedPeriod: Locator;
  readonly columns: Locator;
  readonly previewRun: Locator;
  readonly counts: Locator;
  readonly rejected: Locator;
  readonly commit: Locator;
  readonly committed: Locator;
  readonly undo: Locator;
  readonly error: Locator;
  readonly notice: Locator;
  readonly templateName: Locator;
  readonly templateSave: Locator;
  readonly templateSelect: Locator;
  readonly progress: Locator;
  readonly progressBar: Locator;
  readonly cancel: Locator;
  readonly proposals: Locator;
  readonly newIndicators: Locator;
  readonly confirmAll: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('import-view');
    this.path = page.getByTestId('import-path');
    this.inspect = page.getByTestId('import-inspect');
    this.fileInfo = page.getByTestId('import-file-info');
    this.sheetGrid = page.getByTestId('import-sheet-grid');
    this.detectedUnit = page.getByTestId('import-detected-unit');
    this.detectedPeriod = page.getByTestId('import-detected-period');
    this.columns = page.getByTestId('import-columns');
    this.previewRun = page.getByTestId('import-preview-run');
    this.counts = page.getByTestId('import-counts');
    this.rejected = page.getByTestId('import-rejected');
    this.commit = page.getByTestId('import-commit-run');
    this.committed = page.getByTestId('import-committed');
    this.undo = page.getByTestId('import-undo');
    this.error = page.getByTestId('import-error');
    this.notice = page.getByTestId('import-notice');
    this.templateName = page.getByTestId('import-template-name');
    this.templateSave = page.getByTestId('import-template-save');
    this.templateSelect = page.getByTestId('import-template-select');
    this.progress = page.getByTestId('import-progress');
    this.progressBar = page.getByTestId('import-progressbar');
    this.cancel = page.getByTestId('import-cancel');
    this.proposals = page.getByTestId('import-proposals');
    this.newIndicators = page.getByTestId('import-new-indicators');
    this.confirmAll = page.getByTestId('import-proposals-all');
  }

  /** A row of the preview, by region code. */
  previewRow(regionCode: string): Locator {
    return this.page.getByTestId(`import-row-${regionCode}`);
  }

  /** The role select of one column letter. */
  role(column: string): Locator {
    return this.page.getByTestId(`import-column-${column}`).getByTestId('import-role');
  }

  async readFile(filePath: string): Promise<void> {
    await this.path.fill(filePath);
    await this.inspect.click();
  }
}
