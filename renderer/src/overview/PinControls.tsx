import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../shared/api/methods/analysis';
import { matchesQuery } from '../navigator/matchesQuery';
import { loadPinyinMatcher, usePinyinMatcher } from '../navigator/pinyinMatcher';
import { useAppStore } from '../store';
import type { Pins } from './usePins';

/** How many search results the picker lists. */
const PICKER_RESULTS = 12;

/** The overview's own toolbar: which region it is about, and adding a pinned indicator. */
export function PinControls({ overview, pins }: { readonly overview: Overview | null; readonly pins: Pins }) {
  const { t } = useTranslation();
  const [isPicking, setPicking] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setPicking(false);
    button.current?.focus();
  };
  return (
    <div className="pin-controls">
      {overview && <RegionSelect overview={overview} pins={pins} />}
      <div className="pin-add">
        <button ref={button} type="button" className="button" data-testid="pin-add" aria-expanded={isPicking} aria-haspopup="dialog" onClick={() => setPicking(!isPicking)}>
          {t('overview.pins.add')}
        </button>
        {isPicking && <PinPicker pins={pins} onClose={close} />}
      </div>
      {pins.isSaving && (
        <span className="pin-saving" role="status">
          {t('overview.pins.saving')}
        </span>
      )}
    </div>
  );
}

function RegionSelect({ overview, pins }: { readonly overview: Overview; readonly pins: Pins }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const regions = useAppStore((state) => state.catalog?.regions ?? []);
  return (
    <label className="pin-region">
      <span>{t('overview.pins.region')}</span>
      <select value={overview.region.code} data-testid="overview-region" disabled={pins.isSaving} onChange={(event) => void pins.setRegion(event.target.value)}>
        {regions.map((region) => (
          <option key={region.code} value={region.code}>
            {language === 'zh' ? region.nameZh : region.nameEn}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Finds an indicator that is not pinned yet, with the navigator's search (Chinese, pinyin initials, English, code). */
function PinPicker({ pins, onClose }: { readonly pins: Pins; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const indicators = useAppStore((state) => state.catalog?.indicators ?? []);
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!container.current?.parentElement?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [onClose]);
  // The chosen row leaves the list: focus goes back to the search, ready for the next one.
  const pin = (code: string) => {
    input.current?.focus();
    void pins.pin(code);
  };
  const unpinned = indicators.filter((indicator) => !pins.codes.includes(indicator.code));
  const pinyin = usePinyinMatcher(query);
  const results = unpinned.filter((indicator) => matchesQuery(indicator, query, pinyin)).slice(0, PICKER_RESULTS);
  return (
    <div
      ref={container}
      className="pin-picker"
      role="dialog"
      aria-label={t('overview.pins.addTitle')}
      data-testid="pin-picker"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <input
        ref={input}
        type="search"
        className="pin-search"
        data-testid="pin-search"
        aria-label={t('overview.pins.search')}
        placeholder={t('overview.pins.searchPlaceholder')}
        value={query}
        onFocus={loadPinyinMatcher}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && results[0]) {
            event.preventDefault();
            pin(results[0].code);
          }
        }}
      />
      {results.length === 0 ? (
        <p className="pin-none">{unpinned.length === 0 ? t('overview.pins.allPinned') : t('overview.pins.noMatch')}</p>
      ) : (
        <ul className="pin-results">
          {results.map((indicator) => {
            const name = language === 'zh' ? indicator.nameZh : indicator.nameEn;
            return (
              <li key={indicator.code}>
                <button
                  type="button"
                  className="pin-result"
                  data-testid={`pin-candidate-${indicator.code}`}
                  aria-label={t('overview.pins.pinLabel', { name })}
                  disabled={pins.isSaving}
                  onClick={() => pin(indicator.code)}
                >
                  <span>{name}</span>
                  <span className="pin-result-code">{indicator.code}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" className="button pin-close" onClick={onClose}>
        {t('overview.pins.close')}
      </button>
    </div>
  );
}
