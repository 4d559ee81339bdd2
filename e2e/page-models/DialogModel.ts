import type { Locator, Page } from '@playwright/test';

/** The open modal dialog (New / Open workspace in the browser edition, Take snapshot). */
export class DialogModel {
  readonly root: Locator;
  readonly path: Locator;
  readonly label: Locator;
  readonly note: Locator;
  readonly error: Locator;
  readonly submit: Locator;
  readonly cancel: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('dialog');
    this.path = this.root.getByTestId('path-input');
    this.label = this.root.getByTestId('snapshot-label');
    this.note = this.root.getByTestId('snapshot-note');
    this.error = this.root.getByTestId('dialog-error');
    this.submit = this.root.getByTestId('dialog-submit');
    this.cancel = this.root.getByTestId('dialog-cancel');
  }
}
