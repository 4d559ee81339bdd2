import type { Locator, Page } from '@playwright/test';

/** The Charts view: settings, the chart, its notes, export and save. */
export class ChartsModel {
  readonly view: Locator;
  readonly kind: Locator;
  readonly indicator: Locator;
  readonly measure: Locator;
  readonly chart: Locator;
  readonly gaps: Locator;
  readonly notice: Locator;
  readonly error: Locator;
  readonly dialog: Locator;
  readonly exportPath: Locator;
  readonly watermark: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('charts-view');
    this.kind = page.getByTestId('chart-kind');
    this.indicator = page.getByTestId('chart-indicator');
    this.measure = page.getByTestId('chart-measure');
    this.chart = page.getByTestId('chart');
    this.gaps = page.getByTestId('chart-gaps');
    this.notice = page.getByTestId('chart-notice');
    this.error = page.getByTestId('chart-error');
    this.dialog = page.getByRole('dialog');
    this.exportPath = this.dialog.getByTestId('chart-export-path');
    this.watermark = this.dialog.getByTestId('chart-export-watermark');
    this.submit = this.dialog.getByTestId('dialog-submit');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('view-tab-charts').click();
  }

  /** Exports through the dialog to `path` (the backend writes the file) and waits for the notice. */
  async exportAs(format: 'png' | 'svg' | 'pptx', path: string, options: { watermark?: boolean } = {}): Promise<void> {
    await this.page.getByTestId(`chart-export-${format}`).click();
    await this.exportPath.fill(path);
    if (options.watermark) await this.watermark.check();
    await this.submit.click();
    await this.dialog.waitFor({ state: 'hidden' });
  }
}
