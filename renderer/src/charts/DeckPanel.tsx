import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedDeck, SavedDeckItem } from '../../../shared/api/methods/charts';
import type { ChartSpecInput } from '../../../shared/charts/spec';
import { periodLabel } from '../../../shared/periods';
import { errorText } from '../i18n';
import { useAppStore } from '../store';
import { DeckExportDialog, DeckNameDialog } from './DeckDialogs';
import { SaveChartDialog } from './SaveChartDialog';
import { inputsOf, moveItem, useDecksStore } from './decksStore';

/** Keys in a fixed order, so two specs that say the same compare equal as text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** How an item reads in the list: the chart's or scenario's name, or what the brief is about. */
function useItemLabel(): (item: SavedDeckItem) => string {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const catalog = useAppStore((state) => state.catalog);
  return (item) => {
    if (item.kind === 'chart') return item.chart ?? '';
    if (item.kind === 'scenario') return item.scenario ?? '';
    if (!item.brief) return t('charts.deck.kinds.brief');
    const { indicator: indicatorCode, region: regionCode, period } = item.brief;
    const indicator = catalog?.indicators.find((i) => i.code === indicatorCode);
    const region = catalog?.regions.find((r) => r.code === regionCode);
    const name = (entry: { nameZh: string; nameEn: string } | undefined, fallback: string) => (entry ? (language === 'zh' ? entry.nameZh : entry.nameEn) : fallback);
    return t('charts.deck.briefLabel', { indicator: name(indicator, indicatorCode), region: name(region, regionCode), period: periodLabel(period, language, indicator?.accumulation) });
  };
}

interface DeckPanelProps {
  /** The chart the view shows, to add to the deck (saved first when it is not). */
  readonly spec: ChartSpecInput | undefined;
  readonly title: string;
  readonly canAdd: boolean;
}

type Dialog = { kind: 'create' } | { kind: 'rename'; name: string } | { kind: 'export'; name: string } | { kind: 'saveChart' } | null;

/** Decks of the workspace: choose, create, rename, delete; the slides in order with notes; export to PPTX. */
export function DeckPanel({ spec, title, canAdd }: DeckPanelProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const client = useAppStore((state) => state.client);
  const decks = useDecksStore((state) => state.decks);
  const selected = useDecksStore((state) => state.selected);
  const notice = useDecksStore((state) => state.notice);
  const load = useDecksStore((state) => state.load);
  const select = useDecksStore((state) => state.select);
  const save = useDecksStore((state) => state.save);
  const append = useDecksStore((state) => state.append);
  const remove = useDecksStore((state) => state.remove);
  const setNotice = useDecksStore((state) => state.setNotice);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [isConfirming, setConfirming] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  const selectId = useId();
  const label = useItemLabel();
  const workspacePath = useAppStore((state) => state.info?.path);

  useEffect(() => {
    if (client) void load(client);
  }, [client, load, workspacePath]);

  const deck: SavedDeck | undefined = decks?.find((d) => d.name === selected);
  const fail = (error: Parameters<typeof errorText>[0]) => setNotice({ kind: 'failed', text: errorText(error, language) });

  const run = async (step: () => Promise<Parameters<typeof errorText>[0] | null>, done?: string) => {
    setBusy(true);
    const failure = await step();
    setBusy(false);
    if (failure) fail(failure);
    else if (done) setNotice({ kind: 'done', text: done });
    return failure === null;
  };

  const queue = useRef<Promise<unknown>>(Promise.resolve());
  /**
   * Saves the deck with its items changed. Changes run one after another, each on the deck as the
   * one before left it (a note saved on leaving its field, then a move, both stay); the item at
   * `focusIndex` keeps the focus.
   */
  const change = (edit: (items: SavedDeckItem[]) => ReturnType<typeof inputsOf> | null, done?: (items: SavedDeckItem[]) => string, focusIndex?: (items: SavedDeckItem[]) => number) => {
    if (!client || !deck) return;
    const name = deck.name;
    queue.current = queue.current.then(async () => {
      const current = useDecksStore.getState().decks?.find((d) => d.name === name);
      if (!current) return;
      const items = edit(current.items);
      if (!items) return;
      const ok = await run(() => save(client, name, items), done?.(current.items));
      const focus = focusIndex?.(current.items);
      if (ok && focus !== undefined) requestAnimationFrame(() => listRef.current?.querySelectorAll<HTMLElement>('[data-deck-item]')[focus]?.focus());
    });
  };

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    change(
      (items) => (target < 0 || target >= items.length ? null : moveItem(inputsOf(items), index, by)),
      () => t('charts.deck.moved', { position: target + 1 }),
      () => target,
    );
  };

  const onItemKey = (event: KeyboardEvent<HTMLElement>, index: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(index, event.key === 'ArrowUp' ? -1 : 1);
  };

  const addCurrent = async () => {
    if (!client || !spec || !deck) return;
    const charts = await client('chart.list', {});
    if (!charts.ok) return fail(charts.error);
    const wanted = canonical(spec);
    const saved = charts.value.find((chart) => chart.spec && canonical(chart.spec) === wanted);
    if (!saved) return setDialog({ kind: 'saveChart' });
    await run(() => append(client, deck.name, { chart: saved.name, note: null }), t('charts.deck.added', { deck: deck.name }));
  };

  const list = decks ?? [];
  return (
    <section className="deck-panel" aria-labelledby="deck-heading" data-testid="deck-panel">
      <header className="deck-header">
        <h2 id="deck-heading">{t('charts.deck.heading')}</h2>
        <p className="deck-intro">{t('charts.deck.intro')}</p>
      </header>
      <div className="deck-bar">
        <label htmlFor={selectId}>{t('charts.deck.choose')}</label>
        <select id={selectId} value={deck?.name ?? ''} disabled={list.length === 0} onChange={(event) => select(event.target.value)} data-testid="deck-select">
          {list.length === 0 && <option value="">—</option>}
          {list.map((d) => (
            <option key={d.id} value={d.name}>
              {d.name}
            </option>
          ))}
        </select>
        <button type="button" className="button" onClick={() => setDialog({ kind: 'create' })} data-testid="deck-create">
          {t('charts.deck.create')}
        </button>
        <button type="button" className="button" disabled={!deck} onClick={() => deck && setDialog({ kind: 'rename', name: deck.name })} data-testid="deck-rename">
          {t('charts.deck.rename')}
        </button>
        <button type="button" className="button" disabled={!deck} onClick={() => setConfirming(true)} data-testid="deck-delete">
          {t('charts.deck.delete')}
        </button>
        <button type="button" className="button button-primary" disabled={!deck || deck.items.length === 0} onClick={() => deck && setDialog({ kind: 'export', name: deck.name })} data-testid="deck-export">
          {t('charts.deck.export')}
        </button>
      </div>
      {isConfirming && deck && (
        <div className="deck-confirm" role="alertdialog" aria-label={t('charts.deck.confirmDelete', { name: deck.name })}>
          <span>{t('charts.deck.confirmDelete', { name: deck.name })}</span>
          <button
            type="button"
            className="button"
            data-testid="deck-delete-confirm"
            onClick={() => {
              setConfirming(false);
              if (client) void run(() => remove(client, deck.name), t('charts.deck.deleted', { name: deck.name }));
            }}
          >
            {t('charts.deck.confirm')}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('charts.deck.cancel')}
          </button>
        </div>
      )}
      {decks !== null && list.length === 0 && (
        <p className="deck-empty" data-testid="deck-empty">
          {t('charts.deck.none')}
        </p>
      )}
      {deck && (
        <>
          <div className="deck-add">
            <button type="button" className="button" disabled={!canAdd || isBusy} onClick={() => void addCurrent()} data-testid="deck-add-current">
              {t('charts.deck.addCurrent')}
            </button>
            <span className="deck-help">{t('charts.deck.addCurrentHelp')}</span>
          </div>
          {deck.items.length === 0 ? (
            <p className="deck-empty" data-testid="deck-empty">
              {t('charts.deck.empty')}
            </p>
          ) : (
            <ol className="deck-items" ref={listRef} aria-label={t('charts.deck.items')} data-testid="deck-items">
              {deck.items.map((item, index) => (
                <DeckItemRow
                  key={`${deck.id}:${index}:${item.kind}:${item.chart ?? item.scenario ?? ''}:${item.note ?? ''}`}
                  item={item}
                  index={index}
                  count={deck.items.length}
                  label={label(item)}
                  onKey={(event) => onItemKey(event, index)}
                  onMove={(by) => move(index, by)}
                  onRemove={() => change((items) => inputsOf(items.filter((_, i) => i !== index)))}
                  onNote={(note) => change((items) => inputsOf(items.map((it, i) => (i === index ? { ...it, note } : it))))}
                />
              ))}
            </ol>
          )}
        </>
      )}
      {notice && notice.text && (
        <p className={notice.kind === 'done' ? 'notice' : 'notice notice-error'} role="status" data-testid="deck-notice">
          {notice.text}
        </p>
      )}
      {dialog?.kind === 'create' && <DeckNameDialog renaming={null} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'rename' && <DeckNameDialog renaming={dialog.name} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'export' && <DeckExportDialog name={dialog.name} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'saveChart' && spec && (
        <SaveChartDialog
          spec={spec}
          title={title}
          onClose={() => setDialog(null)}
          onSaved={(name) => {
            if (client && deck) void run(() => append(client, deck.name, { chart: name, note: null }), t('charts.deck.added', { deck: deck.name }));
          }}
        />
      )}
    </section>
  );
}

interface DeckItemRowProps {
  readonly item: SavedDeckItem;
  readonly index: number;
  readonly count: number;
  readonly label: string;
  readonly onKey: (event: KeyboardEvent<HTMLElement>) => void;
  readonly onMove: (by: -1 | 1) => void;
  readonly onRemove: () => void;
  readonly onNote: (note: string | null) => void;
}

/** One slide: its number, kind and name, buttons to move or remove it, and its speaker note (saved on leaving the field; the row is keyed by it). */
function DeckItemRow({ item, index, count, label, onKey, onMove, onRemove, onNote }: DeckItemRowProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState(item.note ?? '');
  const noteId = useId();
  const commit = () => {
    const next = note.trim() ? note : null;
    if (next !== item.note) onNote(next);
  };
  return (
    <li className={item.missing ? 'deck-item is-missing' : 'deck-item'} data-testid="deck-item">
      <div className="deck-item-head" tabIndex={0} data-deck-item onKeyDown={onKey} aria-label={`${index + 1}. ${t(`charts.deck.kinds.${item.kind}`)} ${label}`}>
        <span className="deck-item-number">{index + 1}</span>
        <span className="deck-item-kind">{t(`charts.deck.kinds.${item.kind}`)}</span>
        <span className="deck-item-name" data-testid="deck-item-name">
          {label}
          {item.missing && <span className="deck-item-missing"> {t('charts.deck.missing')}</span>}
        </span>
        <span className="deck-item-buttons">
          <button type="button" className="button" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('charts.deck.up')} title={`${t('charts.deck.up')} (Alt+↑)`} data-testid="deck-item-up">
            ↑
          </button>
          <button type="button" className="button" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('charts.deck.down')} title={`${t('charts.deck.down')} (Alt+↓)`} data-testid="deck-item-down">
            ↓
          </button>
          <button type="button" className="button" onClick={onRemove} data-testid="deck-item-remove">
            {t('charts.deck.remove')}
          </button>
        </span>
      </div>
      <label className="deck-note-label" htmlFor={noteId}>
        {t('charts.deck.note')}
      </label>
      <textarea
        id={noteId}
        className="deck-note"
        rows={2}
        value={note}
        placeholder={t('charts.deck.notePlaceholder')}
        onChange={(event) => setNote(event.target.value)}
        onBlur={commit}
        onKeyDown={onKey}
        data-testid="deck-item-note"
      />
    </li>
  );
}
