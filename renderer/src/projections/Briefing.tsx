import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';
import { briefingText } from './present';

type CopyState = 'idle' | 'copied' | 'failed';

/** How long "copied" stays on screen. */
const CONFIRMATION_MS = 4000;

/** The briefing sentences in the interface language, with a button that copies them as one paragraph. */
interface BriefingProps {
  readonly sentences: readonly string[];
  readonly testId?: string;
  /** Inside another card: no card of its own. */
  readonly isNested?: boolean;
}

export function Briefing({ sentences, testId = 'projection-briefing', isNested = false }: BriefingProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const [copy, setCopy] = useState<CopyState>('idle');
  const text = briefingText(sentences, language);
  useEffect(() => {
    if (copy !== 'copied') return;
    const timer = setTimeout(() => setCopy('idle'), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [copy]);
  if (sentences.length === 0) return null;
  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      // No clipboard permission (or an insecure page): the text stays selectable.
      setCopy('failed');
    }
  };
  return (
    <section className={isNested ? 'proj-nested' : 'proj-card'} aria-labelledby={`${testId}-title`} data-testid={testId}>
      <div className="proj-card-head">
        <h3 id={`${testId}-title`}>{t('projections.briefing.title')}</h3>
        <button type="button" className="button" data-testid={`${testId}-copy`} onClick={() => void onCopy()}>
          {t('projections.briefing.copy')}
        </button>
      </div>
      <p className="proj-briefing" lang={language === 'zh' ? 'zh-CN' : 'en'} data-testid={`${testId}-text`}>
        {text}
      </p>
      <p className={copy === 'failed' ? 'proj-notice proj-notice-error' : 'proj-notice'} role="status" data-testid={`${testId}-status`}>
        {copy === 'copied' ? t('projections.briefing.copied') : copy === 'failed' ? t('projections.briefing.copyFailed') : ''}
      </p>
    </section>
  );
}
