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
  readonly copyButton: Locator;
  readonly deck: DeckModel;

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
    this.copyButton = page.getByTestId('chart-copy');
    this.deck = new DeckModel(page);
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

/** The deck panel under the chart: decks, their slides with notes, export; and the add-to-deck dialog. */
export class DeckModel {
  readonly panel: Locator;
  readonly select: Locator;
  readonly empty: Locator;
  readonly items: Locator;
  readonly names: Locator;
  readonly notice: Locator;
  readonly addCurrent: Locator;
  readonly dialog: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('deck-panel');
    this.select = page.getByTestId('deck-select');
    this.empty = page.getByTestId('deck-empty');
    this.items = page.getByTestId('deck-item');
    this.names = page.getByTestId('deck-item-name');
    this.notice = page.getByTestId('deck-notice');
    this.addCurrent = page.getByTestId('deck-add-current');
    this.dialog = page.getByRole('dialog');
    this.submit = this.dialog.getByTestId('dialog-submit');
  }

  async create(name: string): Promise<void> {
    await this.page.getByTestId('deck-create').click();
    await this.dialog.getByTestId('deck-name').fill(name);
    await this.submit.click();
    await this.dialog.waitFor({ state: 'hidden' });
  }

  async rename(name: string): Promise<void> {
    await this.page.getByTestId('deck-rename').click();
    await this.dialog.getByTestId('deck-name').fill(name);
    await this.submit.click();
    await this.dialog.waitFor({ state: 'hidden' });
  }

  /** Adds the chart on screen; when it is not saved yet, saves it under `saveAs` first. */
  async addCurrentChart(saveAs: string): Promise<void> {
    await this.addCurrent.click();
    await this.dialog.getByTestId('chart-save-name').fill(saveAs);
    await this.submit.click();
    await this.dialog.waitFor({ state: 'hidden' });
  }

  item(index: number): Locator {
    return this.items.nth(index);
  }

  async exportTo(path: string, options: { watermark?: boolean; titleSlide?: boolean } = {}): Promise<void> {
    await this.page.getByTestId('deck-export').click();
    await this.dialog.getByTestId('deck-export-path').fill(path);
    if (options.watermark) await this.dialog.getByTestId('deck-export-watermark').check();
    if (options.titleSlide === false) await this.dialog.getByTestId('deck-export-title').uncheck();
    await this.submit.click();
    await this.dialog.waitFor({ state: 'hidden' });
  }

  /** The add-to-deck dialog opened from the projections or overview view: an existing deck, or a new one by name. */
  async addTo(deck: string, options: { isNew?: boolean } = {}): Promise<void> {
    const dialog = this.page.getByTestId('add-to-deck-dialog');
    if (options.isNew) {
      await dialog.getByTestId('add-to-deck-target').selectOption({ index: (await dialog.locator('option').count()) - 1 });
      await dialog.getByTestId('add-to-deck-name').fill(deck);
    } else {
      await dialog.getByTestId('add-to-deck-target').selectOption(deck);
    }
    await dialog.getByTestId('dialog-submit').click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
