import type { Locator, Page } from '@playwright/test';

/** One pinned indicator's card on the overview. */
export class OverviewCardModel {
  readonly value: Locator;
  readonly growth: Locator;
  readonly growthComputed: Locator;
  readonly rank: Locator;
  readonly gapProvince: Locator;
  readonly gapNation: Locator;
  readonly open: Locator;
  readonly sparkline: Locator;
  readonly failureMarker: Locator;
  readonly failureReasons: Locator;
  readonly unpin: Locator;
  readonly earlier: Locator;
  readonly later: Locator;

  constructor(readonly root: Locator) {
    this.unpin = root.getByTestId('card-unpin');
    this.earlier = root.getByTestId('card-earlier');
    this.later = root.getByTestId('card-later');
    this.value = root.getByTestId('card-value');
    this.growth = root.getByTestId('card-growth');
    this.growthComputed = root.getByTestId('card-growth-computed');
    this.rank = root.getByTestId('card-rank');
    this.gapProvince = root.getByTestId('card-gap-province');
    this.gapNation = root.getByTestId('card-gap-nation');
    this.open = root.locator('button.card-open');
    this.sparkline = root.getByTestId('sparkline');
    this.failureMarker = root.getByTestId('failure-marker');
    this.failureReasons = root.getByTestId('failure-reasons');
  }
}

/** The overview view (cards and brief) and the table's transformation bar. */
export class OverviewModel {
  readonly root: Locator;
  readonly tab: Locator;
  readonly tableTab: Locator;
  readonly empty: Locator;
  readonly brief: Locator;
  readonly briefCopy: Locator;
  readonly briefStatus: Locator;
  readonly aggregate: Locator;
  readonly transform: Locator;
  readonly transformNote: Locator;
  readonly transformReset: Locator;
  readonly transformedTable: Locator;
  /** Every card, in order. */
  readonly cards: Locator;
  readonly pinAdd: Locator;
  readonly pinPicker: Locator;
  readonly pinSearch: Locator;
  readonly region: Locator;

  constructor(readonly page: Page) {
    this.cards = page.locator('[data-testid^="overview-card-"]');
    this.pinAdd = page.getByTestId('pin-add');
    this.pinPicker = page.getByTestId('pin-picker');
    this.pinSearch = page.getByTestId('pin-search');
    this.region = page.getByTestId('overview-region');
    this.root = page.getByTestId('overview');
    this.tab = page.getByTestId('view-tab-overview');
    this.tableTab = page.getByTestId('view-tab-table');
    this.empty = page.getByTestId('overview-empty');
    this.brief = page.getByTestId('brief-panel');
    this.briefCopy = page.getByTestId('brief-copy');
    this.briefStatus = page.getByTestId('brief-copy-status');
    this.aggregate = page.getByTestId('transform-aggregate');
    this.transform = page.getByTestId('transform-kind');
    this.transformNote = page.getByTestId('transform-note');
    this.transformReset = page.getByTestId('transform-reset');
    this.transformedTable = page.getByTestId('transformed-table');
  }

  card(indicatorCode: string): OverviewCardModel {
    return new OverviewCardModel(this.page.getByTestId(`overview-card-${indicatorCode}`));
  }

  /** An indicator the picker offers to pin. */
  pinCandidate(indicatorCode: string): Locator {
    return this.page.getByTestId(`pin-candidate-${indicatorCode}`);
  }

  /** The indicator codes of the cards, in order. */
  async cardCodes(): Promise<string[]> {
    const ids = await this.cards.evaluateAll((cards) => cards.map((card) => card.getAttribute('data-testid') ?? ''));
    return ids.map((id) => id.replace('overview-card-', ''));
  }

  briefOf(indicatorCode: string): Locator {
    return this.page.getByTestId(`brief-${indicatorCode}`);
  }

  /** A cell of the transformed table; rows are `${indicator}|${region}|${aggregate}:${value|reported}`. */
  transformedCell(rowId: string, period: string): Locator {
    return this.transformedTable.locator(`[role="row"][row-id="${rowId}"]`).locator(`[role="gridcell"][col-id="period:${period}"]`);
  }

  transformedHeader(period: string): Locator {
    return this.transformedTable.locator(`[role="columnheader"][col-id="period:${period}"]`);
  }

  transformedRow(rowId: string): Locator {
    return this.transformedTable.locator(`[role="row"][row-id="${rowId}"]`).first();
  }
}
