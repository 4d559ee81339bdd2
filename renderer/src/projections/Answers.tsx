import { useTranslation } from 'react-i18next';
import type { ScenarioKey } from '../../../shared/projections/scenarios';
import type { ProjectionResult } from '../../../shared/projections/schema';
import { formatNumber } from '../../../shared/format';
import { useAppStore } from '../store';
import { catchUpText, formatTypedRate, levelFormat, reachText, requiredText, type AnswerText } from './present';

interface AnswerProps {
  readonly label: string;
  readonly testId: string;
  readonly byScenario?: readonly { key: ScenarioKey; answer: AnswerText }[];
  readonly single?: AnswerText;
  readonly detail?: string;
}

/** One finding: its question, then the answer for each case (base first, large) or a single answer. */
function Answer({ label, testId, byScenario, single, detail }: AnswerProps) {
  const { t } = useTranslation();
  const base = single ?? byScenario?.find((entry) => entry.key === 'base')?.answer;
  const others = byScenario?.filter((entry) => entry.key !== 'base') ?? [];
  if (!base) return null;
  return (
    <div className="proj-answer" data-testid={testId}>
      <div className="proj-answer-label">{label}</div>
      <div className={`proj-answer-value proj-answer-${base.tone}`} title={base.hint} data-testid={`${testId}-value`}>
        {base.text}
      </div>
      {detail && (
        <div className="proj-answer-detail" data-testid={`${testId}-detail`}>
          {detail}
        </div>
      )}
      {others.length > 0 && (
        <div className="proj-answer-detail">
          {others.map(({ key, answer }) => (
            <span key={key} className="proj-answer-case" title={answer.hint} data-testid={`${testId}-${key}`}>
              {t('projections.answers.caseAnswer', { scenario: t(`projections.rates.${key}`), answer: answer.text })}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

/** The questions a scenario answers: the year a target or share is reached, the growth they need, when a peer is overtaken. */
export function Answers({ result }: { readonly result: ProjectionResult }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const { target, share, peers, base } = result;
  const level = levelFormat(base.unit, [base.value, ...(target ? [target.value] : [])], language);
  const answers = [
    target && (
      <Answer
        key="reach"
        label={t('projections.answers.passes', { target: level.withUnit(target.value) })}
        testId="answer-target-year"
        byScenario={target.reach.map(({ key, reach }) => ({ key, answer: reachText(reach, language, t) }))}
      />
    ),
    target?.required && target.year !== null && (
      <Answer
        key="required"
        label={t('projections.answers.requiredFor', { target: level.withUnit(target.value), year: String(target.year) })}
        testId="answer-target-growth"
        single={requiredText(target.required, language, t)}
      />
    ),
    share?.reach && share.targetSharePct !== null && (
      <Answer
        key="share-reach"
        label={t('projections.answers.shareReach', { share: formatTypedRate(share.targetSharePct, language) })}
        testId="answer-share-year"
        byScenario={share.reach.map(({ key, reach }) => ({ key, answer: reachText(reach, language, t) }))}
      />
    ),
    share?.required && share.targetSharePct !== null && share.targetYear !== null && (
      <Answer
        key="share-required"
        label={t('projections.answers.shareRequired', { share: formatTypedRate(share.targetSharePct, language), year: String(share.targetYear) })}
        testId="answer-share-growth"
        single={requiredText(share.required, language, t)}
        detail={
          share.required.kind === 'refused'
            ? undefined
            : t(share.required.gapPp >= 0 ? 'projections.answers.gapAbove' : 'projections.answers.gapBelow', { gap: formatNumber(Math.abs(share.required.gapPp), language, 2, 2) })
        }
      />
    ),
    ...(peers?.catchUp.map(({ peerKey, byScenario }) => {
      const peer = peers.peers.find((candidate) => candidate.key === peerKey);
      return (
        <Answer
          key={`peer-${peerKey}`}
          label={t('projections.answers.overtakes', { name: peer ? (language === 'zh' ? peer.nameZh : peer.nameEn) : peerKey })}
          testId="answer-catch-up"
          byScenario={byScenario.map(({ key, catchUp }) => ({ key, answer: catchUpText(catchUp, language, t) }))}
        />
      );
    }) ?? []),
  ].filter(Boolean);
  return (
    <section className="proj-card" aria-labelledby="projection-answers-title" data-testid="projection-answers">
      <h3 id="projection-answers-title">{t('projections.answers.title')}</h3>
      {answers.length > 0 ? <div className="proj-answers">{answers}</div> : <p className="field-help">{t('projections.answers.hint')}</p>}
    </section>
  );
}
