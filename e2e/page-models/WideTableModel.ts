import type { Locator, Page } from '@playwright/test';

/** The wide table (AG Grid): rows have ids `${indicatorCode}|${regionCode}`, columns ids like `period:2024`. */
export class WideTableModel {
  readonly root: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('wide-table');
  }

  cell(indicatorCode: string, regionCode: string, columnId: string): Locator {
    // A pinned row is drawn in up to three containers; the column id picks the one with this cell.
    return this.root
      .locator(`[role="row"][row-id="${indicatorCode}|${regionCode}"]`)
      .locator(`[role="gridcell"][col-id="${columnId}"]`);
  }

  value(indicatorCode: string, regionCode: string, period: string): Locator {
    return this.cell(indicatorCode, regionCode, `period:${period}`);
  }

  unit(indicatorCode: string, regionCode: string): Locator {
    return this.cell(indicatorCode, regionCode, 'unit');
  }

  growth(indicatorCode: string, regionCode: string): Locator {
    return this.cell(indicatorCode, regionCode, 'growth');
  }

  row(indicatorCode: string, regionCode: string): Locator {
    return this.root.locator(`[role="row"][row-id="${indicatorCode}|${regionCode}"]`).first();
  }

  header(columnId: string): Locator {
    return this.root.locator(`[role="columnheader"][col-id="${columnId}"]`);
  }
}
