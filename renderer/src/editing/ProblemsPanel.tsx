import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../shared/editing/consistency';
import { useAppStore } from '../store';

/** The consistency findings of the table on screen, each with a jump to its cell. */
export function ProblemsPanel({ findings }: { readonly findings: readonly Finding[] }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const toggleProblems = useAppStore((state) => state.toggleProblems);
  const requestJump = useAppStore((state) => state.requestJump);
  return (
    <section className="problems-panel" aria-labelledby="problems-title" data-testid="problems-panel">
      <header className="problems-header">
        <h2 id="problems-title">
          {t('editing.problems.title')} <span className="count">{t('editing.problems.count', { count: findings.length })}</span>
        </h2>
        <button type="button" className="button" onClick={toggleProblems}>
          {t('editing.problems.close')}
        </button>
      </header>
      {findings.length === 0 ? (
        <p className="problems-none">{t('editing.problems.none')}</p>
      ) : (
        <ul className="problems-list">
          {findings.map((finding) => (
            <li key={finding.id} className={`problem problem-${finding.severity}`} data-testid="problem" data-rule={finding.rule}>
              <span className={`severity severity-${finding.severity}`}>{t(`editing.problems.${finding.severity}`)}</span>
              <span className="problem-text">{language === 'zh' ? finding.zh : finding.en}</span>
              {finding.isAsPrinted && <span className="badge">{t('editing.problems.asPrinted')}</span>}
              <button type="button" className="button" data-testid="problem-jump" onClick={() => requestJump(finding.cell)}>
                {t('editing.problems.jump')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
