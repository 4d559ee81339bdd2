import type { Language } from '../format';
import type { ContributionReport, ProjectionResult } from './schema';
import { describeSchedule, formatComputedPct, formatInputPct, formatLevel, formatPoints, inSentence, sentenceStart } from './wording';

type Draft = Omit<ProjectionResult, 'briefing'>;
type Reach = NonNullable<Draft['target']>['reach'][number]['reach'];

const DEFAULT_NAME = { zh: '该指标', en: 'the indicator' } as const;

function subject(draft: Draft, language: Language): string {
  const { base } = draft;
  if (language === 'zh') return `${base.regionZh ?? ''}${base.nameZh || DEFAULT_NAME.zh}`;
  const name = base.nameEn ? inSentence(base.nameEn) : DEFAULT_NAME.en;
  return base.regionEn ? `${name} in ${base.regionEn}` : name;
}

function owner(draft: Draft, language: Language): string {
  const region = language === 'zh' ? draft.base.regionZh : draft.base.regionEn;
  if (region) return region;
  return language === 'zh' ? '' : 'the city';
}

/** "（高方案2026年，低方案2028年）" / " (high case 2026, low case 2028)". */
function otherCases(reaches: readonly { key: string; reach: Reach }[], language: Language): string {
  const parts = reaches
    .filter((r) => r.key !== 'base')
    .map(({ key, reach }) => {
      const caseName = language === 'zh' ? (key === 'high' ? '高方案' : '低方案') : `${key} case`;
      if (reach.kind === 'reached') return language === 'zh' ? `${caseName}${reach.year}年` : `${caseName} ${reach.year}`;
      if (reach.kind === 'already_met') return language === 'zh' ? `${caseName}已达到` : `${caseName} already there`;
      return language === 'zh' ? `${caseName}无法达到` : `${caseName} never`;
    });
  if (parts.length === 0) return '';
  return language === 'zh' ? `（${parts.join('，')}）` : ` (${parts.join(', ')})`;
}

function reachSentence(draft: Draft, language: Language): string | undefined {
  const target = draft.target;
  const baseRates = draft.spec.rates.base;
  const reach = target?.reach.find((r) => r.key === 'base')?.reach;
  if (!target || !reach) return undefined;
  const goal = formatLevel(target.value, draft.base.unit, language, 4);
  const how = describeSchedule(baseRates, language);
  const who = subject(draft, language);
  const others = otherCases(target.reach, language);
  switch (reach.kind) {
    case 'reached':
      return language === 'zh'
        ? `按${how}测算，${who}将于${reach.year}年突破${goal}${others}。`
        : `At ${how}, ${who} passes ${goal} in ${reach.year}${others}.`;
    case 'already_met':
      return language === 'zh'
        ? `${who}${draft.base.startYear}年为${formatLevel(draft.base.value, draft.base.unit, language, 4)}，已达到${goal}。`
        : `${sentenceStart(who)} was ${formatLevel(draft.base.value, draft.base.unit, language, 4)} in ${draft.base.startYear}, already at or above ${goal}.`;
    case 'never':
      return language === 'zh' ? `按${how}测算，${who}无法达到${goal}${others}。` : `At ${how}, ${who} never reaches ${goal}${others}.`;
    default:
      return undefined;
  }
}

function requiredSentence(draft: Draft, language: Language): string | undefined {
  const target = draft.target;
  const required = target?.required;
  if (!target || !required || target.year === null) return undefined;
  const goal = formatLevel(target.value, draft.base.unit, language, 4);
  const who = subject(draft, language);
  const { startYear } = draft.base;
  if (required.kind === 'required') {
    return language === 'zh'
      ? `要在${target.year}年达到${goal}，${who}${startYear}—${target.year}年需年均增长${formatComputedPct(required.growthPct, language)}。`
      : `To reach ${goal} by ${target.year}, ${who} must grow ${formatComputedPct(required.growthPct, language)} a year from ${startYear}.`;
  }
  if (required.kind === 'already_met') {
    const fall = formatComputedPct(-required.growthPct, language);
    return language === 'zh'
      ? `${who}已达到${goal}，到${target.year}年即使年均下降${fall}仍可保持。`
      : `${sentenceStart(who)} is already at ${goal} or more; it stays there in ${target.year} even falling ${fall} a year.`;
  }
  return undefined;
}

function shareSentences(draft: Draft, language: Language): string[] {
  const share = draft.share;
  if (!share) return [];
  const sentences: string[] = [];
  const who = owner(draft, language);
  const how = describeSchedule(draft.spec.rates.base, language);
  const province = formatInputPct(share.provinceGrowthPct, language);
  const path = share.paths.find((p) => p.key === 'base')?.path;
  if (path?.kind === 'path') {
    const first = path.points[0]!;
    const last = path.points[path.points.length - 1]!;
    const from = formatInputPct(first.sharePct, language);
    const to = formatComputedPct(last.sharePct, language);
    sentences.push(
      language === 'zh'
        ? `按${how}、全省年均增长${province}测算，${who}占全省比重将由${first.year}年的${from}变为${last.year}年的${to}。`
        : `At ${how} against ${province} for the province, ${who}'s share of the province moves from ${from} in ${first.year} to ${to} in ${last.year}.`,
    );
  }
  const reach = share.reach?.find((r) => r.key === 'base')?.reach;
  if (reach && share.targetSharePct !== null) {
    const goal = formatInputPct(share.targetSharePct, language);
    if (reach.kind === 'reached') {
      sentences.push(language === 'zh' ? `按此增速，占全省比重将于${reach.year}年达到${goal}。` : `At that rate the share reaches ${goal} in ${reach.year}.`);
    } else if (reach.kind === 'never') {
      sentences.push(language === 'zh' ? `按此增速，占全省比重无法达到${goal}。` : `At that rate the share never reaches ${goal}.`);
    } else if (reach.kind === 'already_met') {
      sentences.push(language === 'zh' ? `占全省比重已达到${goal}。` : `The share is already at ${goal} or more.`);
    }
  }
  const required = share.required;
  if (required && required.kind !== 'refused' && share.targetSharePct !== null && share.targetYear !== null) {
    const goal = formatInputPct(share.targetSharePct, language);
    const growth = formatComputedPct(required.growthPct, language);
    const gap = formatPoints(required.gapPp, language);
    const above = required.gapPp >= 0;
    sentences.push(
      language === 'zh'
        ? `要在${share.targetYear}年使占全省比重达到${goal}，${who}需年均增长${growth}，${above ? '高于' : '低于'}全省${gap}个百分点。`
        : `A ${goal} share by ${share.targetYear} needs growth of ${growth} a year, ${gap} percentage points ${above ? 'above' : 'below'} the province.`,
    );
  }
  return sentences;
}

function peerSentences(draft: Draft, language: Language): string[] {
  const peers = draft.peers;
  if (!peers) return [];
  const who = owner(draft, language) || subject(draft, language);
  const how = describeSchedule(draft.spec.rates.base, language);
  return peers.catchUp.flatMap(({ peerKey, byScenario }) => {
    const peer = peers.peers.find((p) => p.key === peerKey);
    const catchUp = byScenario.find((s) => s.key === 'base')?.catchUp;
    if (!peer || !catchUp) return [];
    const name = language === 'zh' ? peer.nameZh : peer.nameEn;
    const theirs = formatInputPct(peer.growthPct, language);
    switch (catchUp.kind) {
      case 'catches_up':
        return [
          language === 'zh'
            ? `按${how}、${name}年均增长${theirs}测算，${who}将于${catchUp.year}年超过${name}。`
            : `At ${how} against ${theirs} for ${name}, ${who} overtakes ${name} in ${catchUp.year}.`,
        ];
      case 'already_ahead':
        return [language === 'zh' ? `${who}${catchUp.year}年已不低于${name}。` : `${sentenceStart(who)} is already level with or ahead of ${name} in ${catchUp.year}.`];
      case 'never':
        return [
          language === 'zh'
            ? `按${how}、${name}年均增长${theirs}测算，${who}无法超过${name}。`
            : `At ${how} against ${theirs} for ${name}, ${who} does not overtake ${name}.`,
        ];
      default:
        return [];
    }
  });
}

function fanSentence(draft: Draft, language: Language): string | undefined {
  const ends = draft.scenarios.flatMap(({ key, path }) => (path.kind === 'path' ? [{ key, point: path.points[path.points.length - 1]! }] : []));
  const base = ends.find((e) => e.key === 'base');
  if (!base) return undefined;
  const level = (value: number) => formatLevel(value, draft.base.unit, language);
  const others = ends
    .filter((e) => e.key !== 'base')
    .map((e) => (language === 'zh' ? `${e.key === 'high' ? '高方案' : '低方案'}${level(e.point.value)}` : `${e.key} ${level(e.point.value)}`));
  const tail = others.length === 0 ? '' : language === 'zh' ? `（${others.join('，')}）` : ` (${others.join(', ')})`;
  return language === 'zh'
    ? `到${base.point.year}年，${subject(draft, language)}基准方案为${level(base.point.value)}${tail}。`
    : `By ${base.point.year}, ${subject(draft, language)} reaches ${level(base.point.value)} in the base case${tail}.`;
}

/** Briefing sentences in Chinese and English; every number in them comes from the draft's inputs and results. */
export function briefingFor(draft: Draft): { zh: string[]; en: string[] } {
  const sentences = (language: Language) =>
    [reachSentence(draft, language), requiredSentence(draft, language), ...shareSentences(draft, language), ...peerSentences(draft, language), fanSentence(draft, language)].filter(
      (sentence): sentence is string => sentence !== undefined,
    );
  return { zh: sentences('zh'), en: sentences('en') };
}

/** "2024年，丽水市半导体产业产值增长27.1%，拉动五大主导产业产值增长2.0个百分点，贡献率12.5%。" */
export function contributionSentences(report: Omit<ContributionReport, 'briefing'>): { zh: string[]; en: string[] } {
  const { result, part, total } = report;
  if (result.kind === 'refused') return { zh: [], en: [] };
  const partGrowth = part.growthPct ?? (part.value / result.partPrior - 1) * 100;
  const year = report.period.slice(0, 4);
  const periodZh = report.period.length === 4 ? `${year}年` : report.period;
  const grewZh = `${partGrowth >= 0 ? '增长' : '下降'}${formatComputedPct(Math.abs(partGrowth), 'zh')}`;
  const grewEn = `${partGrowth >= 0 ? 'grew' : 'fell'} ${formatComputedPct(Math.abs(partGrowth), 'en')}`;
  const points = formatPoints(result.contributionPp, 'zh');
  const pointsEn = formatPoints(result.contributionPp, 'en');
  const partEn = inSentence(part.nameEn);
  const totalEn = inSentence(total.nameEn);
  if (result.kind === 'no_total_change') {
    return {
      zh: [`${periodZh}，${report.regionZh}${part.nameZh}${grewZh}，相当于${total.nameZh}的${result.contributionPp >= 0 ? '' : '负'}${points}个百分点，${total.nameZh}总体持平。`],
      en: [`In ${report.period}, ${partEn} in ${report.regionEn} ${grewEn}, ${pointsEn} percentage points of ${totalEn}, which did not grow.`],
    };
  }
  const pushes = result.contributionPp >= 0;
  return {
    zh: [
      `${periodZh}，${report.regionZh}${part.nameZh}${grewZh}，${pushes ? '拉动' : '下拉'}${total.nameZh}增长${points}个百分点，贡献率${formatComputedPct(result.shareOfGrowthPct, 'zh')}。`,
    ],
    en: [
      `In ${report.period}, ${partEn} in ${report.regionEn} ${grewEn}, ${pushes ? 'adding' : 'taking'} ${pointsEn} percentage points ${pushes ? 'to' : 'off'} the ${formatComputedPct(result.totalGrowthPct, 'en')} growth of ${totalEn} (${formatComputedPct(result.shareOfGrowthPct, 'en')} of that growth).`,
    ],
  };
}
