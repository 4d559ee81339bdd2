import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format';
import { periodLabel } from '../../../shared/periods';
import { errorText } from '../i18n';
import { useAppStore } from '../store';
import { Briefing } from './Briefing';
import { SelectField } from './fields';
import { useCatalog, useWorkingObservations } from './hooks';
import { formatRate, formatTypedRate, refusalText } from './present';
import { contributionCells, contributionParts } from './workspaceChoices';

/** A sector's contribution to its parent's growth (percentage points and share of growth), from the working copy. */
export function ContributionPanel() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const run = useAppStore((state) => state.projectionContribution);
  const runContribution = useAppStore((state) => state.runProjectionContribution);
  const catalog = useCatalog();
  const observations = useWorkingObservations();
  const parts = contributionParts(catalog, observations);
  const name = (item: { nameZh: string; nameEn: string }) => (language === 'zh' ? item.nameZh : item.nameEn);
  const part = parts.find((candidate) => candidate.code === run.input?.indicator) ?? parts[0];
  const cells = part ? contributionCells(observations, part) : [];
  const cellKey = run.input ? `${run.input.region}|${run.input.period}` : '';
  // The first visit asks about the first part and cell; later the user's choice is kept in the store.
  const defaultInput = part && cells[0] ? [part.code, cells[0].region, cells[0].period].join('|') : null;
  useEffect(() => {
    if (run.input !== null || !defaultInput) return;
    const [indicator = '', region = '', period = ''] = defaultInput.split('|');
    void runContribution({ indicator, region, period });
  }, [run.input, defaultInput, runContribution]);
  const choosePart = (code: string) => {
    const chosen = parts.find((candidate) => candidate.code === code);
    const cell = chosen && contributionCells(observations, chosen)[0];
    if (chosen && cell) void runContribution({ indicator: chosen.code, ...cell });
  };
  const regionName = (code: string) => {
    const region = catalog.regions.find((candidate) => candidate.code === code);
    return region ? name(region) : code;
  };
  const parent = part && catalog.indicators.find((candidate) => candidate.code === part.parentCode);
  const report = run.report;
  const result = report?.result;
  return (
    <section className="proj-card" aria-labelledby="projection-contribution-title" data-testid="projection-contribution">
      <h3 id="projection-contribution-title">{t('projections.contribution.title')}</h3>
      {!part ? (
        <p className="field-help">{t('projections.contribution.none')}</p>
      ) : (
        <>
          <div className="proj-row proj-row-wide">
            <SelectField
              label={t('projections.contribution.part')}
              value={part.code}
              choices={parts.map((candidate) => ({ value: candidate.code, label: name(candidate) }))}
              onChange={choosePart}
              help={parent ? t('projections.contribution.total', { name: name(parent) }) : undefined}
              testId="contribution-part"
            />
            <SelectField
              label={t('projections.contribution.cell')}
              value={cellKey}
              choices={cells.map((cell) => ({ value: `${cell.region}|${cell.period}`, label: `${regionName(cell.region)} · ${periodLabel(cell.period, language)}` }))}
              onChange={(key) => {
                const [region, period] = key.split('|');
                if (region && period) void runContribution({ indicator: part.code, region, period });
              }}
              testId="contribution-cell"
            />
          </div>
          {run.status === 'failed' && run.error && (
            <p className="proj-edge" role="alert" data-testid="contribution-error">
              {errorText(run.error, language)}
            </p>
          )}
          {report && result && (
            <div className={run.status === 'running' ? 'proj-answers proj-stale' : 'proj-answers'}>
              {result.kind === 'refused' ? (
                <p className="proj-edge" data-testid="contribution-refused">
                  {refusalText(result, t)}
                </p>
              ) : (
                <>
                  <div className="proj-answer" data-testid="contribution-points">
                    <div className="proj-answer-label">{t('projections.contribution.points')}</div>
                    <div className="proj-answer-value proj-answer-value-plain" data-testid="contribution-points-value">
                      {t('projections.contribution.pointsValue', { points: formatNumber(result.contributionPp, language, 2, 2) })}
                    </div>
                    {report.total.growthPct !== null && (
                      <div className="proj-answer-detail">
                        {t('projections.contribution.totalGrowth', { name: name(report.total), growth: formatTypedRate(report.total.growthPct, language) })}
                      </div>
                    )}
                  </div>
                  <div className="proj-answer" data-testid="contribution-share">
                    <div className="proj-answer-label">{t('projections.contribution.share')}</div>
                    {result.kind === 'contribution' ? (
                      <div className="proj-answer-value proj-answer-value-plain" data-testid="contribution-share-value">
                        {formatRate(result.shareOfGrowthPct, language)}
                      </div>
                    ) : (
                      <div className="proj-answer-value proj-answer-edge">{t('projections.contribution.noTotalChange')}</div>
                    )}
                  </div>
                </>
              )}
            </div>
          )}
          {report && <Briefing sentences={report.briefing[language]} testId="contribution-briefing" isNested />}
        </>
      )}
    </section>
  );
}
