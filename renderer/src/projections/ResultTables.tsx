import { useTranslation } from 'react-i18next';
import type { ProjectionResult } from '../../../shared/projections/schema';
import { useAppStore } from '../store';
import { formatRate, formatTypedRate, levelFormat, refusalText } from './present';

/** Year by year: each case's level in the reader's unit, and the base case's share of the province. */
export function PathTable({ result }: { readonly result: ProjectionResult }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const paths = result.scenarios.flatMap(({ key, path }) => (path.kind === 'path' ? [{ key, points: path.points }] : []));
  const refusals = result.scenarios.flatMap(({ key, path }) => (path.kind === 'refused' ? [{ key, text: refusalText(path, t) }] : []));
  const sharePath = result.share?.paths.find((entry) => entry.key === 'base')?.path;
  const shares = sharePath?.kind === 'path' ? sharePath.points : null;
  const first = paths[0];
  const level = levelFormat(result.base.unit, paths.flatMap((path) => path.points.map((point) => point.value)), language);
  const target = result.target?.value;
  return (
    <section className="proj-card" aria-labelledby="projection-path-title" data-testid="projection-path">
      <h3 id="projection-path-title">{t('projections.table.title')}</h3>
      {first && (
        <table className="proj-table" data-testid="projection-path-table">
          <caption>{t('projections.table.caption', { unit: level.unitLabel || '—', first: String(first.points[0]!.year) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('projections.table.year')}</th>
              {paths.map(({ key }) => (
                <th scope="col" key={key}>
                  {t(`projections.table.${key}`)}
                </th>
              ))}
              {shares && <th scope="col">{t('projections.table.share')}</th>}
            </tr>
          </thead>
          <tbody>
            {first.points.map((point, index) => (
              <tr key={point.year} data-testid={`projection-row-${point.year}`} className={index === 0 ? 'proj-actual' : undefined}>
                <th scope="row">
                  {point.year}
                  {index === 0 && <span className="proj-muted"> {t('projections.table.actual')}</span>}
                </th>
                {paths.map(({ key, points }) => {
                  const value = points[index]!.value;
                  const meets = target !== undefined && index > 0 && value >= target;
                  return (
                    <td key={key} className={meets ? 'proj-meets' : undefined} data-testid={`projection-cell-${point.year}-${key}`}>
                      {level.number(value)}
                    </td>
                  );
                })}
                {shares && <td data-testid={`projection-cell-${point.year}-share`}>{formatRate(shares[index]!.sharePct, language)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {refusals.map(({ key, text }) => (
        <p key={key} className="proj-edge" data-testid={`projection-path-refused-${key}`}>
          {t('projections.table.refusedCase', { scenario: t(`projections.table.${key}`), reason: text })}
        </p>
      ))}
      {sharePath?.kind === 'refused' && <p className="proj-edge">{refusalText(sharePath, t)}</p>}
    </section>
  );
}

/** Levels at growth rates around the base case's (rows) in each year (columns); cells at or above the target shaded. */
export function SensitivityTable({ result }: { readonly result: ProjectionResult }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const table = result.sensitivity;
  if (table.kind === 'refused') {
    return (
      <section className="proj-card" data-testid="projection-sensitivity">
        <h3>{t('projections.sensitivity.title')}</h3>
        <p className="proj-edge">{refusalText(table, t)}</p>
      </section>
    );
  }
  if (table.growthPcts.length === 0) return null;
  const level = levelFormat(result.base.unit, table.values.flat(), language);
  const centre = Math.floor(table.growthPcts.length / 2);
  return (
    <section className="proj-card" aria-labelledby="projection-sensitivity-title" data-testid="projection-sensitivity">
      <h3 id="projection-sensitivity-title">{t('projections.sensitivity.title')}</h3>
      <div className="proj-scroll">
        <table className="proj-table" data-testid="projection-sensitivity-table">
          <caption>{t('projections.sensitivity.caption', { unit: level.unitLabel || '—' })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('projections.sensitivity.growth')}</th>
              {table.years.map((year) => (
                <th scope="col" key={year}>
                  {year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.growthPcts.map((growth, row) => (
              <tr key={growth} className={row === centre ? 'proj-centre' : undefined}>
                <th scope="row">{formatTypedRate(growth, language)}</th>
                {table.values[row]!.map((value, column) => (
                  <td key={table.years[column]} className={table.meetsTarget?.[row]?.[column] ? 'proj-meets' : undefined}>
                    {level.number(value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.meetsTarget && result.target && (
        <p className="field-help">
          <span className="proj-swatch proj-meets" aria-hidden="true" /> {t('projections.sensitivity.meets', { target: levelFormat(result.base.unit, [result.target.value], language).withUnit(result.target.value) })}
        </p>
      )}
    </section>
  );
}
