import sampleData from '../../resources/sample/lishui-2024.json';
import type { Category, Indicator, ObservationFlag, Region } from '../../shared/api/schemas';
import type { Workspace } from './workspace';

interface SampleObservation {
  indicator: string;
  region: string;
  period: string;
  value: number | null;
  growthReportedPct: number | null;
  rankReported: number | null;
  flags: string[];
  note: string | null;
  quote: string;
}

interface SampleData {
  title: { zh: string; en: string };
  sourceFile: string;
  sourceName: string;
  categories: Category[];
  regions: Region[];
  indicators: Indicator[];
  observations: SampleObservation[];
  pinned: string[];
}

/** The Lishui 2024 work report's figures, exactly as printed (resources/sample/lishui-2024.json). */
export const SAMPLE = sampleData as SampleData;

/** Fills a new workspace with the sample and freezes it as the first snapshot. */
export function seedSample(workspace: Workspace): void {
  SAMPLE.categories.forEach((category, index) => workspace.catalog.addCategory(category, index));
  SAMPLE.regions.forEach((region, index) => workspace.catalog.addRegion(region, index));
  SAMPLE.indicators.forEach((indicator, index) => workspace.catalog.addIndicator(indicator, index));
  workspace.writeCells(
    SAMPLE.observations.map((o) => ({
      indicatorCode: o.indicator,
      regionCode: o.region,
      period: o.period,
      fields: {
        value: o.value,
        growthReportedPct: o.growthReportedPct,
        rankReported: o.rankReported,
        flags: o.flags as ObservationFlag[],
        note: o.note,
        source: `${SAMPLE.sourceName}：“${o.quote}”`,
      },
    })),
    { kind: 'sample', label: SAMPLE.title.zh },
  );
  workspace.setMeta('origin', 'sample');
  workspace.setMeta('pinned', JSON.stringify(SAMPLE.pinned));
  workspace.createSnapshot({ label: SAMPLE.title.zh, kind: 'import', sourceFile: SAMPLE.sourceFile });
}
