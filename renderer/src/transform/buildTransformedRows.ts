/**
 * The transformed table's model: one row per series and measure (the chosen aggregation, the
 * year-to-date values beside single months, reported growth beside computed growth), one column
 * per period. Pure, so it is tested without a browser.
 */
import type { TransformedSeries } from '../../../shared/api/methods/analysis';
import type { Catalog } from '../../../shared/api/schemas';
import { chooseDisplayUnit, formatNumber, RATE_DECIMALS, toDisplayValue } from '../../../shared/format';
import type { Language } from '../../../shared/format';
import { comparePeriods, periodLabel, spanLabel } from '../../../shared/periods';
import type { Accumulation } from '../../../shared/periods';
import { findUnit } from '../../../shared/units';
import type { AggregateTarget } from '../../../shared/ytd';

export const MISSING = '—';

export interface TransformedCell {
  /** The value as shown (in the row's display unit), for sorting. */
  readonly value: number | null;
  readonly text: string;
  /** The months the value covers, and why it is missing or how it was computed. */
  readonly tooltip: string;
  readonly startMonth: number;
}

export interface TransformedRow {
  /** `${indicator}|${region}|${aggregate}:${measure}`: stable across languages. */
  readonly id: string;
  readonly indicatorCode: string;
  readonly regionCode: string;
  readonly indicatorName: string;
  readonly regionName: string;
  readonly measureLabel: string;
  readonly unitLabel: string;
  readonly cells: Readonly<Record<string, TransformedCell>>;
}

export interface TransformedTableModel {
  readonly periods: readonly { readonly period: string; readonly label: string }[];
  readonly rows: readonly TransformedRow[];
}

export interface MeasureLabels {
  readonly aggregate: (aggregate: AggregateTarget) => string;
  /** The transformation's name, given its API text ("yoy", "index:2020"). */
  readonly transform: (text: string) => string;
  readonly reported: string;
  readonly reportedHint: string;
  readonly basis: (basis: 'reported' | 'computed') => string;
}

/** A result of series.transform and whether it is the chosen aggregation or the year-to-date companion. */
export interface TransformedEntry {
  readonly role: 'primary' | 'companion';
  readonly series: TransformedSeries;
}

type Point = TransformedSeries['points'][number];

const ROLE_ORDER = { companion: 0, primary: 1 } as const;

/** The aggregation a row's values have: as released means year to date for a year-to-date indicator. */
function aggregationOf(series: TransformedSeries, accumulation: Accumulation | undefined): AggregateTarget | null {
  if (series.aggregate !== 'none') return series.aggregate as AggregateTarget;
  return accumulation === 'ytd' ? 'ytd' : null;
}

function measureName(series: TransformedSeries, aggregation: AggregateTarget | null, labels: MeasureLabels): string {
  const parts = [
    aggregation === null ? null : labels.aggregate(aggregation),
    series.transform === 'level' ? null : labels.transform(series.transform),
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' · ') : labels.transform('level');
}

/** How a series' values read: number of decimals, display unit. */
function formatterFor(series: TransformedSeries, language: Language): { label: string; format: (value: number) => { shown: number; text: string } } {
  const { unit } = series;
  const fixed = (decimals: number) => (value: number) => ({ shown: value, text: formatNumber(value, language, decimals, decimals) });
  if (unit === '%' || unit === 'pp') return { label: series.unitLabel[language], format: fixed(RATE_DECIMALS) };
  if (unit === 'index') return { label: series.unitLabel[language], format: fixed(1) };
  const dimension = findUnit(unit)?.dimension;
  const display = chooseDisplayUnit(unit, series.points.map((p) => p.value), language);
  const isRate = dimension === 'rate' || dimension === 'rate_difference';
  return {
    label: display.label,
    format: (value) => {
      const shown = toDisplayValue(value, unit, display);
      return { shown, text: isRate ? formatNumber(shown, language, RATE_DECIMALS, RATE_DECIMALS) : formatNumber(shown, language) };
    },
  };
}

function spanOf(point: Point, language: Language): string {
  return language === 'zh' ? point.labelZh : point.labelEn;
}

function valueCells(series: TransformedSeries, language: Language, labels: MeasureLabels): { unitLabel: string; cells: Record<string, TransformedCell> } {
  const { label, format } = formatterFor(series, language);
  const cells: Record<string, TransformedCell> = {};
  for (const point of series.points) {
    const span = spanOf(point, language);
    if (point.value === null) {
      const why = point.reason ? (language === 'zh' ? point.reason.zh : point.reason.en) : '';
      cells[point.period] = { value: null, text: MISSING, tooltip: [span, why].filter(Boolean).join('\n'), startMonth: point.startMonth };
      continue;
    }
    const { shown, text } = format(point.value);
    const basis = point.basis ? labels.basis(point.basis) : null;
    cells[point.period] = { value: shown, text, tooltip: [span, basis].filter(Boolean).join('\n'), startMonth: point.startMonth };
  }
  return { unitLabel: label, cells };
}

/** Growth as published for the same periods, for the row beside computed year-on-year growth; null when none is. */
function reportedCells(series: TransformedSeries, language: Language, labels: MeasureLabels): Record<string, TransformedCell> | null {
  const cells: Record<string, TransformedCell> = {};
  let hasAny = false;
  for (const point of series.points) {
    const reported = point.reportedGrowthPct ?? null;
    if (reported !== null) hasAny = true;
    const span = spanOf(point, language);
    cells[point.period] =
      reported === null
        ? { value: null, text: MISSING, tooltip: span, startMonth: point.startMonth }
        : { value: reported, text: formatNumber(reported, language, RATE_DECIMALS, RATE_DECIMALS), tooltip: `${span}\n${labels.reportedHint}`, startMonth: point.startMonth };
  }
  return hasAny ? cells : null;
}

/** Rows in catalog order (indicator, region), year-to-date before single months, computed before reported growth. */
export function buildTransformedTable(entries: readonly TransformedEntry[], catalog: Catalog, language: Language, labels: MeasureLabels): TransformedTableModel {
  const indicatorIndex = new Map(catalog.indicators.map((indicator, index) => [indicator.code, index]));
  const regionIndex = new Map(catalog.regions.map((region, index) => [region.code, index]));
  const position = (index: Map<string, number>, code: string) => index.get(code) ?? Number.MAX_SAFE_INTEGER;
  const sorted = [...entries].sort(
    (a, b) =>
      position(indicatorIndex, a.series.indicatorCode) - position(indicatorIndex, b.series.indicatorCode) ||
      position(regionIndex, a.series.regionCode) - position(regionIndex, b.series.regionCode) ||
      ROLE_ORDER[a.role] - ROLE_ORDER[b.role],
  );
  const rows: TransformedRow[] = [];
  for (const { series } of sorted) {
    const indicator = catalog.indicators[position(indicatorIndex, series.indicatorCode)];
    const region = catalog.regions[position(regionIndex, series.regionCode)];
    const base = {
      indicatorCode: series.indicatorCode,
      regionCode: series.regionCode,
      indicatorName: indicator ? (language === 'zh' ? indicator.nameZh : indicator.nameEn) : series.indicatorCode,
      regionName: region ? (language === 'zh' ? region.nameZh : region.nameEn) : series.regionCode,
    };
    const id = (measure: string) => `${series.indicatorCode}|${series.regionCode}|${series.aggregate}:${measure}`;
    const values = valueCells(series, language, labels);
    const aggregation = aggregationOf(series, indicator?.accumulation);
    rows.push({ ...base, id: id('value'), measureLabel: measureName(series, aggregation, labels), unitLabel: values.unitLabel, cells: values.cells });
    const reported = series.transform === 'yoy' ? reportedCells(series, language, labels) : null;
    if (reported) {
      const prefix = aggregation === null ? '' : `${labels.aggregate(aggregation)} · `;
      rows.push({ ...base, id: id('reported'), measureLabel: `${prefix}${labels.reported}`, unitLabel: '%', cells: reported });
    }
  }
  return { periods: periodColumns(rows, language), rows };
}

/** Chronological columns; a column whose values all cover the same months is named by that span ("2024年1-11月"). */
function periodColumns(rows: readonly TransformedRow[], language: Language): { period: string; label: string }[] {
  const starts = new Map<string, Set<number>>();
  for (const row of rows) {
    for (const [period, cell] of Object.entries(row.cells)) {
      const set = starts.get(period) ?? new Set<number>();
      set.add(cell.startMonth);
      starts.set(period, set);
    }
  }
  return [...starts.keys()].sort(comparePeriods).map((period) => {
    const spans = starts.get(period)!;
    const label = spans.size === 1 ? spanLabel(period, [...spans][0]!, language) : periodLabel(period, language, 'point');
    return { period, label };
  });
}
