import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeckItem } from '../../../shared/api/methods/charts';
import { Modal } from '../dialogs/Modal';
import { useSubmission } from '../dialogs/useSubmission';
import { TextField } from '../dialogs/TextField';
import { errorText } from '../i18n';
import { useAppStore } from '../store';
import { useDecksStore } from './decksStore';

const NEW = '\u0000new';

interface AddToDeckDialogProps {
  /** What to add: a saved chart, a saved scenario or a brief. */
  readonly item: DeckItem;
  /** How the user knows it ("十五五基准", "规上工业增加值 · 丽水市 · 2024年"). */
  readonly what: string;
  readonly onClose: () => void;
  /** Called with a line to show once the item is in the deck. */
  readonly onDone?: (text: string) => void;
}

/** Chooses a deck (or names a new one) and appends the item as its last slide, in one deck.save. */
export function AddToDeckDialog({ item, what, onClose, onDone }: AddToDeckDialogProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const client = useAppStore((state) => state.client);
  const decks = useDecksStore((state) => state.decks);
  const selected = useDecksStore((state) => state.selected);
  const load = useDecksStore((state) => state.load);
  const append = useDecksStore((state) => state.append);
  const [choice, setChoice] = useState('');
  const [newName, setNewName] = useState(() => t('charts.deck.defaultName'));
  const [isMissing, setMissing] = useState(false);
  const { isBusy, error, submit } = useSubmission(onClose);
  const selectId = useId();

  useEffect(() => {
    if (client) void load(client);
  }, [client, load]);
  const list = decks ?? [];
  const target = choice || (list.some((d) => d.name === selected) ? selected : (list[0]?.name ?? NEW));
  const isNew = target === NEW;

  const onSubmit = () => {
    const name = isNew ? newName.trim() : target;
    setMissing(name === '');
    if (!name || !client) return;
    void submit(async () => {
      const failure = await append(client, name, item);
      if (!failure) onDone?.(t('charts.deck.added', { deck: name }));
      return failure;
    });
  };

  return (
    <Modal
      title={t('charts.deck.addTitle')}
      intro={t('charts.deck.addIntro', { what })}
      submitLabel={t('charts.deck.addTitle')}
      isBusy={isBusy}
      error={isMissing ? t('dialog.required') : error && errorText(error, language)}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="add-to-deck-dialog"
    >
      <div className="field">
        <label htmlFor={selectId}>{t('charts.deck.target')}</label>
        <select id={selectId} value={target} onChange={(event) => setChoice(event.target.value)} data-testid="add-to-deck-target">
          {list.map((deck) => (
            <option key={deck.id} value={deck.name}>
              {deck.name}（{deck.items.length}）
            </option>
          ))}
          <option value={NEW}>{t('charts.deck.newDeck')}</option>
        </select>
      </div>
      {isNew && <TextField label={t('charts.deck.newName')} value={newName} onChange={setNewName} isInvalid={isMissing} initialFocus="select" testId="add-to-deck-name" />}
    </Modal>
  );
}
