import type { Locator, Page } from '@playwright/test';
import type { RunningServer } from '../server';

/** The snapshots view (timeline, comparison, cell history) and the dialogs it opens. */
export class SnapshotsModel {
  readonly tab: Locator;
  readonly view: Locator;
  readonly timeline: Locator;
  readonly takeSnapshot: Locator;
  readonly compareFrom: Locator;
  readonly compareTo: Locator;
  readonly filterIndicator: Locator;
  readonly filterRegion: Locator;
  readonly counts: Locator;
  readonly diffGrid: Locator;
  readonly diffEmpty: Locator;
  readonly exportButton: Locator;
  readonly notice: Locator;
  readonly undoRestore: Locator;
  readonly history: Locator;
  readonly historyHeading: Locator;
  readonly historyVersions: Locator;
  readonly backupsDialog: Locator;
  readonly backupItems: Locator;
  readonly backupMessage: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByTestId('view-tab-snapshots');
    this.view = page.getByTestId('snapshots-view');
    this.timeline = page.getByTestId('snapshot-timeline');
    this.takeSnapshot = page.getByTestId('timeline-take-snapshot');
    this.compareFrom = page.getByTestId('compare-from');
    this.compareTo = page.getByTestId('compare-to');
    this.filterIndicator = page.getByTestId('diff-filter-indicator');
    this.filterRegion = page.getByTestId('diff-filter-region');
    this.counts = page.getByTestId('diff-counts');
    this.diffGrid = page.getByTestId('diff-grid');
    this.diffEmpty = page.getByTestId('diff-empty');
    this.exportButton = page.getByTestId('diff-export');
    this.notice = page.getByTestId('snapshots-notice');
    this.undoRestore = page.getByTestId('undo-restore');
    this.history = page.getByTestId('cell-history');
    this.historyHeading = page.getByTestId('history-heading');
    this.historyVersions = page.getByTestId('history-version');
    this.backupsDialog = page.getByTestId('backups-dialog');
    this.backupItems = page.getByTestId('backup-item');
    this.backupMessage = page.getByTestId('backup-message');
  }

  async open(): Promise<void> {
    await this.tab.click();
    await this.view.waitFor();
  }

  snapshot(seq: number): Locator {
    return this.page.getByTestId(`timeline-snapshot-${seq}`);
  }

  /** Compares two versions by choosing them in the From and To lists ("working" or a seq). */
  async compare(from: number | 'working', to: number | 'working'): Promise<void> {
    await this.compareFrom.selectOption(String(from));
    await this.compareTo.selectOption(String(to));
  }

  /** A row of the diff grid by its cell, `${indicator}|${region}|${period}`. */
  row(id: string): Locator {
    return this.diffGrid.locator(`[role="row"][row-id="${id}"]`).first();
  }

  cell(id: string, columnId: string): Locator {
    return this.diffGrid.locator(`[role="row"][row-id="${id}"] [role="gridcell"][col-id="${columnId}"]`);
  }

  /** Ids of the rows the grid shows, each once (a row is drawn in the pinned and the centre container). */
  async rowIds(): Promise<string[]> {
    const ids = await this.diffGrid.locator('[role="row"][row-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('row-id') ?? ''));
    return [...new Set(ids)].sort();
  }
}

/** Calls the backend like the page does (POST /api/<method> with the launch token); throws on an error value. */
export async function callApi<T = unknown>(server: RunningServer, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${server.baseUrl}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Yardstick-Token': server.token },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error.code} ${body.error.message}`);
  return body.value;
}
