import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The wide table (AG Grid): rows have ids `${indicatorCode}|${regionCode}`, columns ids like `period:2024`. */
export class WideTableModel {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('wide-table');
  }

  /**
   * Drags the fill handle (the square at the bottom-right of `corner`, the selection's last cell)
   * onto `target`; with isHeld the mouse stays down (to look at the preview or press Escape).
   */
  async dragFillHandle(corner: Locator, target: Locator, options: { isHeld?: boolean } = {}): Promise<void> {
    await expect(corner).toHaveClass(/cell-fill-corner/);
    const from = await corner.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('the fill handle or its target is not on screen');
    await this.page.mouse.move(from.x + from.width - 3, from.y + from.height - 3);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
    if (!options.isHeld) await this.page.mouse.up();
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
