import type { EChartsOption } from 'echarts';
import type { Language } from '../format';
import type { ChartChrome } from './chrome';
import type { ChartData } from './data';
import { buildGrowthComparisonOption, growthComparisonTitle } from './builders/growthComparison';
import { buildProjectionFanOption, projectionFanTitle } from './builders/projectionFan';
import { buildRankingOption, describeRanking, rankingTitle } from './builders/ranking';
import { buildScatterOption, scatterTitle } from './builders/scatter';
import { buildValueGrowthOption, valueGrowthTitle } from './builders/valueGrowth';
import { buildVintagesOption, vintagesTitle } from './builders/vintages';
import { buildWaterfallOption, waterfallTitle } from './builders/waterfall';

/** Pure ECharts option builders and the chrome every chart carries; used by core (SSR) and the renderer. */
export * from './chrome';
export * from './data';
export * from './numbers';
export * from './text';
export * from './theme';
export * from './spec';
export { frameOfOption } from './builders/common';
export { buildGrowthComparisonOption, growthGaps } from './builders/growthComparison';
export { buildProjectionFanOption, fanAssumptions, fanYearMarks, type FanOptions, type FanYearMark } from './builders/projectionFan';
export { buildRankingOption, describeRanking, rankedEntries } from './builders/ranking';
export { buildScatterOption } from './builders/scatter';
export { buildValueGrowthOption } from './builders/valueGrowth';
export { buildVintagesOption } from './builders/vintages';
export { buildWaterfallOption, waterfallSteps } from './builders/waterfall';

/** The option for any resolved chart. */
export function buildChartOption(data: ChartData, chrome: ChartChrome): EChartsOption {
  switch (data.kind) {
    case 'valueGrowth':
      return buildValueGrowthOption(data, chrome);
    case 'growthComparison':
      return buildGrowthComparisonOption(data, chrome);
    case 'ranking':
      return buildRankingOption(data, chrome);
    case 'vintages':
      return buildVintagesOption(data, chrome);
    case 'waterfall':
      return buildWaterfallOption(data, chrome);
    case 'scatter':
      return buildScatterOption(data, chrome);
    case 'projectionFan':
      return buildProjectionFanOption(data.result, chrome);
  }
}

/** The title a chart gets when the user gives none. */
export function defaultChartTitle(data: ChartData, lang: Language): string {
  switch (data.kind) {
    case 'valueGrowth':
      return valueGrowthTitle(data, lang);
    case 'growthComparison':
      return growthComparisonTitle(data, lang);
    case 'ranking':
      return rankingTitle(data, lang);
    case 'vintages':
      return vintagesTitle(data, lang);
    case 'waterfall':
      return waterfallTitle(data, lang);
    case 'scatter':
      return scatterTitle(data, lang);
    case 'projectionFan':
      return projectionFanTitle(data.result, lang);
  }
}

/** Lines that explain what a chart cannot show (an incomplete ranking); empty when nothing is missing. */
export function describeChartGaps(data: ChartData, lang: Language): string[] {
  return data.kind === 'ranking' ? describeRanking(data, lang) : [];
}
