import { useTranslation } from 'react-i18next';
import type { Pins } from './usePins';

interface CardPinActionsProps {
  readonly code: string;
  readonly name: string;
  readonly index: number;
  readonly count: number;
  readonly pins: Pins;
}

/** A card's own pin controls: move it earlier or later, or unpin it. */
export function CardPinActions({ code, name, index, count, pins }: CardPinActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="card-pin-actions">
      <button type="button" className="card-pin-button" data-testid="card-earlier" aria-label={t('overview.pins.earlierLabel', { name })} title={t('overview.pins.earlier')} disabled={index === 0 || pins.isSaving} onClick={() => void pins.move(code, -1)}>
        ←
      </button>
      <button type="button" className="card-pin-button" data-testid="card-later" aria-label={t('overview.pins.laterLabel', { name })} title={t('overview.pins.later')} disabled={index === count - 1 || pins.isSaving} onClick={() => void pins.move(code, 1)}>
        →
      </button>
      <button type="button" className="card-pin-button" data-testid="card-unpin" aria-label={t('overview.pins.unpinLabel', { name })} disabled={pins.isSaving} onClick={() => void pins.unpin(code)}>
        {t('overview.pins.unpin')}
      </button>
    </div>
  );
}
