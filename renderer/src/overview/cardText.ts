/** Pure helpers of the overview cards: signed figures, the scope of a rank, sparkline geometry. */
import type { Observation, Region } from '../../../shared/api/schemas';
import { formatNumber, RATE_DECIMALS } from '../../../shared/format';
import type { Language } from '../../../shared/format';

/** "+9.3", "-2.1", "0.0": a growth or a gap with its sign, to one decimal as releases print them. */
export function signed(value: number, language: Language): string {
  const text = formatNumber(Math.abs(value), language, RATE_DECIMALS, RATE_DECIMALS);
  const isZero = Number(text.replace(/,/g, '')) === 0;
  if (isZero) return text;
  return `${value > 0 ? '+' : '-'}${text}`;
}

export type RankScope = 'province' | 'nation' | 'city';

/** What a region's rank is among, by its level: the cities of a province, the provinces of the nation, the counties of a city. */
export function scopeOfLevel(level: Region['level']): RankScope {
  if (level === 'province') return 'nation';
  if (level === 'county' || level === 'zone') return 'city';
  return 'province';
}

/**
 * The scope of a printed rank, or null when it is not known. The workspace does not store it; as
 * the brief does (shared/brief `rankScope`), a rank counts as among peers when the province or a
 * peer region holds a figure for the same indicator and period.
 */
export function rankScopeOf(
  indicatorCode: string,
  regionCode: string,
  period: string,
  regions: readonly Region[],
  observations: readonly Observation[],
): RankScope | null {
  const region = regions.find((r) => r.code === regionCode);
  if (!region) return null;
  const province = ancestorAt(region, regions, 'province');
  const isPeer = (code: string) => {
    const other = regions.find((r) => r.code === code);
    return other !== undefined && other.parentCode !== null && other.parentCode === region.parentCode && other.level === region.level;
  };
  const hasPeers = observations.some(
    (o) => o.indicatorCode === indicatorCode && o.period === period && o.regionCode !== regionCode && (o.regionCode === province?.code || isPeer(o.regionCode)),
  );
  return hasPeers ? scopeOfLevel(region.level) : null;
}

function ancestorAt(region: Region, regions: readonly Region[], level: Region['level']): Region | undefined {
  let current = region.parentCode ? regions.find((r) => r.code === region.parentCode) : undefined;
  for (let depth = 0; current && depth < 10; depth += 1) {
    if (current.level === level) return current;
    current = current.parentCode ? regions.find((r) => r.code === current!.parentCode) : undefined;
  }
  return undefined;
}

/** Points of a sparkline in a width × height box, oldest left; a missing value breaks the line. */
export function sparklineSegments(values: readonly (number | null)[], width: number, height: number, padding = 3): { x: number; y: number }[][] {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return [];
  const min = Math.min(...known);
  const max = Math.max(...known);
  const step = values.length > 1 ? (width - 2 * padding) / (values.length - 1) : 0;
  const y = (v: number) => (max === min ? height / 2 : padding + (1 - (v - min) / (max - min)) * (height - 2 * padding));
  const segments: { x: number; y: number }[][] = [];
  let current: { x: number; y: number }[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length > 0) segments.push(current);
      current = [];
      return;
    }
    current.push({ x: Math.round((padding + index * step) * 10) / 10, y: Math.round(y(value) * 10) / 10 });
  });
  if (current.length > 0) segments.push(current);
  return segments;
}
