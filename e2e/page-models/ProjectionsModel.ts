import type { Locator, Page } from '@playwright/test';

type Case = 'base' | 'high' | 'low';

/** The projections view: scenario editor, saved scenarios, answers, tables, briefing, contribution. */
export class ProjectionsModel {
  readonly root: Locator;
  readonly tab: Locator;
  readonly status: Locator;
  readonly result: Locator;
  readonly indicator: Locator;
  readonly region: Locator;
  readonly period: Locator;
  readonly baseReadout: Locator;
  readonly entryUnit: Locator;
  readonly years: Locator;
  readonly target: Locator;
  readonly targetYear: Locator;
  readonly share: Locator;
  readonly provinceGrowth: Locator;
  readonly shareFill: Locator;
  readonly targetShare: Locator;
  readonly shareYear: Locator;
  readonly peerName: Locator;
  readonly peerValue: Locator;
  readonly peerGrowth: Locator;
  readonly scenarioName: Locator;
  readonly scenarioSave: Locator;
  readonly scenarioSelect: Locator;
  readonly scenarioLoad: Locator;
  readonly scenarioDelete: Locator;
  readonly scenarioDeleteConfirm: Locator;
  readonly scenarioNotice: Locator;
  readonly pathTable: Locator;
  readonly sensitivityTable: Locator;
  readonly briefing: Locator;
  readonly fanChart: Locator;
  readonly assumptions: Locator;
  readonly briefingCopy: Locator;
  readonly briefingStatus: Locator;
  readonly contributionPart: Locator;
  readonly contributionCell: Locator;
  readonly contributionPoints: Locator;
  readonly contributionShare: Locator;
  readonly contributionBriefing: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('projections-view');
    this.tab = page.getByTestId('view-tab-projections');
    const id = (testId: string) => this.root.getByTestId(testId);
    this.status = id('projection-status');
    this.result = id('projection-result');
    this.indicator = id('projection-indicator');
    this.region = id('projection-region');
    this.period = id('projection-period');
    this.baseReadout = id('projection-base-readout');
    this.entryUnit = id('projection-entry-unit');
    this.years = id('projection-years');
    this.target = id('projection-target-value');
    this.targetYear = id('projection-target-year');
    this.share = id('projection-share-current');
    this.provinceGrowth = id('projection-share-province-growth');
    this.shareFill = id('projection-share-fill');
    this.targetShare = id('projection-share-target');
    this.shareYear = id('projection-share-year');
    this.peerName = id('projection-peer-name');
    this.peerValue = id('projection-peer-value');
    this.peerGrowth = id('projection-peer-growth');
    this.scenarioName = id('scenario-name');
    this.scenarioSave = id('scenario-save');
    this.scenarioSelect = id('scenario-select');
    this.scenarioLoad = id('scenario-load');
    this.scenarioDelete = id('scenario-delete');
    this.scenarioDeleteConfirm = id('scenario-delete-confirm');
    this.scenarioNotice = id('scenario-notice');
    this.pathTable = id('projection-path-table');
    this.sensitivityTable = id('projection-sensitivity-table');
    this.briefing = id('projection-briefing-text');
    this.fanChart = id('projection-fan-chart');
    this.assumptions = id('projection-assumptions');
    this.briefingCopy = id('projection-briefing-copy');
    this.briefingStatus = id('projection-briefing-status');
    this.contributionPart = id('contribution-part');
    this.contributionCell = id('contribution-cell');
    this.contributionPoints = id('contribution-points-value');
    this.contributionShare = id('contribution-share-value');
    this.contributionBriefing = id('contribution-briefing-text');
  }

  /** The growth field of a case (one rate for every year). */
  rate(key: Case): Locator {
    return this.root.getByTestId(`projection-rate-${key}-value`);
  }

  rateMode(key: Case): Locator {
    return this.root.getByTestId(`projection-rate-${key}-mode`);
  }

  /** The rate of a case in its n-th projected year (1-based), when set year by year. */
  yearRate(key: Case, year: number): Locator {
    return this.root.getByTestId(`projection-rate-${key}-year-${year}`);
  }

  baseKind(kind: 'workspace' | 'value'): Locator {
    return this.root.getByTestId(`projection-base-kind-${kind}`);
  }

  peerKind(kind: 'none' | 'region' | 'value'): Locator {
    return this.root.getByTestId(`projection-peer-kind-${kind}`);
  }

  /** The big answer of a finding for the base case, or the small one of another case. */
  answer(finding: 'target-year' | 'target-growth' | 'share-year' | 'share-growth' | 'catch-up', key: Case = 'base'): Locator {
    return this.root.getByTestId(key === 'base' ? `answer-${finding}-value` : `answer-${finding}-${key}`);
  }

  answerDetail(finding: 'share-growth'): Locator {
    return this.root.getByTestId(`answer-${finding}-detail`);
  }

  /** A level of the results table: a case's value in a year, or the base share ("share"). */
  pathCell(year: number, column: Case | 'share'): Locator {
    return this.root.getByTestId(`projection-cell-${year}-${column}`);
  }

  /** Scrolls the editor and the results to their top, or the results to their end, for a screenshot. */
  async scrollResults(to: 'top' | 'end'): Promise<void> {
    await this.root.evaluate((root, where) => {
      for (const pane of root.querySelectorAll<HTMLElement>('.proj-editor, .proj-results')) pane.scrollTop = where === 'top' ? 0 : pane.scrollHeight;
    }, to);
  }

  /** Waits until the results answer the form as it is now (no pending or running request). */
  async settled(): Promise<void> {
    await this.result.and(this.page.locator('[data-current="true"]')).waitFor();
  }
}
