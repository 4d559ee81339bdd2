import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../dialogs/Modal';
import { SavePathField } from '../dialogs/SavePathField';
import { TextField } from '../dialogs/TextField';
import { useSubmission } from '../dialogs/useSubmission';
import { errorText } from '../i18n';
import { safeFileName, suggestPath } from '../shell/suggestions';
import { useAppStore } from '../store';
import { useDecksStore } from './decksStore';

/** Names a new deck, or gives a deck a new name. */
export function DeckNameDialog({ renaming, onClose }: { readonly renaming: string | null; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const client = useAppStore((state) => state.client);
  const save = useDecksStore((state) => state.save);
  const rename = useDecksStore((state) => state.rename);
  const setNotice = useDecksStore((state) => state.setNotice);
  const [name, setName] = useState(renaming ?? t('charts.deck.defaultName'));
  const [isMissing, setMissing] = useState(false);
  const { isBusy, error, submit } = useSubmission(onClose);
  const onSubmit = () => {
    const trimmed = name.trim();
    setMissing(trimmed === '');
    if (!trimmed || !client) return;
    void submit(async () => {
      const failure = renaming === null ? await save(client, trimmed, []) : await rename(client, renaming, trimmed);
      if (!failure) setNotice({ kind: 'done', text: t(renaming === null ? 'charts.deck.created' : 'charts.deck.renamed', { name: trimmed }) });
      return failure;
    });
  };
  return (
    <Modal
      title={t(renaming === null ? 'charts.deck.nameTitle' : 'charts.deck.renameTitle')}
      intro={t('charts.deck.nameIntro')}
      submitLabel={t(renaming === null ? 'charts.deck.create' : 'charts.deck.rename').replace('…', '')}
      isBusy={isBusy}
      error={isMissing ? t('dialog.required') : error && errorText(error, language)}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="deck-name-dialog"
    >
      <TextField label={t('charts.deck.name')} value={name} onChange={setName} isInvalid={isMissing} initialFocus="select" testId="deck-name" />
    </Modal>
  );
}

/** Where to write the deck's PPTX, with a title slide or not, and the 内部资料 mark. */
export function DeckExportDialog({ name, onClose }: { readonly name: string; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const client = useAppStore((state) => state.client);
  const setNotice = useDecksStore((state) => state.setNotice);
  const [path, setPath] = useState(() => suggestPath(useAppStore.getState().info?.path, `${safeFileName(name)}.pptx`));
  const [watermark, setWatermark] = useState(false);
  const [titleSlide, setTitleSlide] = useState(true);
  const [isMissing, setMissing] = useState(false);
  const { isBusy, error, submit } = useSubmission(onClose);
  const onSubmit = () => {
    const trimmed = path.trim();
    setMissing(trimmed === '');
    if (!trimmed || !client) return;
    void submit(async () => {
      const result = await client('export.deck', { name, path: trimmed, watermark, titleSlide });
      if (!result.ok) return result.error;
      setNotice({ kind: 'done', text: t('charts.deck.exported', { slides: result.value.slides, path: result.value.path }) });
      return null;
    });
  };
  return (
    <Modal
      title={t('charts.deck.exportTitle')}
      intro={t('charts.deck.exportIntro')}
      submitLabel={t('charts.export.submit')}
      isBusy={isBusy}
      error={isMissing ? t('dialog.required') : error && errorText(error, language)}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="deck-export-dialog"
    >
      <SavePathField format="pptx" value={path} onChange={setPath} isInvalid={isMissing} testId="deck-export-path" />
      <label className="chart-export-options">
        <input type="checkbox" checked={titleSlide} onChange={(event) => setTitleSlide(event.target.checked)} data-testid="deck-export-title" /> {t('charts.deck.titleSlide')}
      </label>
      <label className="chart-export-options">
        <input type="checkbox" checked={watermark} onChange={(event) => setWatermark(event.target.checked)} data-testid="deck-export-watermark" /> {t('charts.export.watermark')}
      </label>
    </Modal>
  );
}
