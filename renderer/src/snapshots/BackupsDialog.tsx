import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/api/contract';
import type { BackupInfo } from '../../../shared/api/methods/editing';
import { Modal } from '../dialogs/Modal';
import { errorText } from '../i18n';
import { useAppStore } from '../store';
import { localTime } from './revisionDisplay';
import { useDialogRequest } from './useDialogRequest';

type Step = 'list' | 'confirm';

/** What the dialog just did, translated when shown (the language may switch while it is open). */
type Outcome = { readonly kind: 'created'; readonly takenAt: string } | { readonly kind: 'restored'; readonly takenAt: string; readonly safety: string };

const NO_BACKUPS: BackupInfo[] = [];

/** The list of backups: one can be chosen; the newest is marked when just taken. */
function BackupList({ backups, chosen, safety, onChoose }: { readonly backups: readonly BackupInfo[]; readonly chosen: string | null; readonly safety: string | null; readonly onChoose: (name: string) => void }) {
  const { t } = useTranslation();
  if (backups.length === 0) return <p className="panel-empty">{t('snapshots.backups.none')}</p>;
  return (
    <fieldset className="backup-list" data-testid="backup-list">
      <legend className="visually-hidden">{t('snapshots.backups.listLabel')}</legend>
      {backups.map((backup) => (
        <label key={backup.name} className="backup-item" data-testid="backup-item">
          <input type="radio" name="backup" value={backup.name} checked={chosen === backup.name} onChange={() => onChoose(backup.name)} />
          <span className="backup-time">{localTime(backup.takenAt, true)}</span>
          <span className="muted">{t('snapshots.backups.size', { size: Math.max(1, Math.round(backup.bytes / 1024)) })}</span>
          {backup.name === safety && <span className="kind">{t('snapshots.backups.safety')}</span>}
        </label>
      ))}
    </fieldset>
  );
}

interface BackupsDialogProps {
  /** When the backup taken on opening ("Back up now") was made. */
  readonly createdAt: string | null;
  /** Why listing or backing up on opening failed. */
  readonly failure: AppError | null;
}

/** Backups of the open workspace: back up now, or restore one after a confirmation (which backs up first). */
export function BackupsDialog({ createdAt, failure }: BackupsDialogProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const backups = useAppStore((state) => state.backups ?? NO_BACKUPS);
  const createBackup = useAppStore((state) => state.createBackup);
  const restoreBackup = useAppStore((state) => state.restoreBackup);
  const [step, setStep] = useState<Step>('list');
  const [chosen, setChosen] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [isMissing, setMissing] = useState(false);
  const { isBusy, error, run, close } = useDialogRequest();
  const [isOpeningShown, setOpeningShown] = useState(true);
  const shownOutcome: Outcome | null = outcome ?? (isOpeningShown && createdAt ? { kind: 'created', takenAt: createdAt } : null);
  const message = !shownOutcome
    ? null
    : shownOutcome.kind === 'created'
      ? t('snapshots.backups.created', { time: localTime(shownOutcome.takenAt, true) })
      : t('snapshots.backups.restored', { time: localTime(shownOutcome.takenAt, true), safety: shownOutcome.safety });
  const safety = outcome?.kind === 'restored' ? outcome.safety : null;

  const backUpNow = async () => {
    setOpeningShown(false);
    setOutcome(null);
    if (await run(createBackup, { isStaying: true })) {
      const newest = useAppStore.getState().backups?.[0];
      if (newest) setOutcome({ kind: 'created', takenAt: newest.takenAt });
    }
  };

  const chosenBackup = backups.find((backup) => backup.name === chosen);
  const onSubmit = () => {
    setMissing(false);
    if (step === 'list') {
      if (!chosenBackup) return setMissing(true);
      setOpeningShown(false);
      setOutcome(null);
      return setStep('confirm');
    }
    if (!chosenBackup) return;
    void run(() => restoreBackup(chosenBackup.name), { isStaying: true }).then((isDone) => {
      if (!isDone) return;
      const notice = useAppStore.getState().snapshotsNotice;
      if (notice?.kind === 'backupRestored') setOutcome({ kind: 'restored', takenAt: notice.takenAt, safety: notice.safety });
      setChosen(null);
      setStep('list');
    });
  };
  const shownError = error ?? (isOpeningShown ? failure : null);
  const isConfirming = step === 'confirm' && chosenBackup !== undefined;
  return (
    <Modal
      title={isConfirming ? t('snapshots.backups.confirmTitle') : t('snapshots.backups.title')}
      intro={isConfirming ? t('snapshots.backups.confirmIntro', { time: localTime(chosenBackup.takenAt, true) }) : t('snapshots.backups.intro')}
      submitLabel={isConfirming ? t('snapshots.backups.confirm') : t('snapshots.backups.restore')}
      isBusy={isBusy}
      error={isMissing ? t('snapshots.backups.choose') : shownError && errorText(shownError, language)}
      onSubmit={onSubmit}
      onClose={close}
      testId="backups-dialog"
    >
      {isConfirming ? (
        <button type="button" className="button button-small backup-back" onClick={() => setStep('list')} data-testid="backup-back">
          {t('snapshots.backups.back')}
        </button>
      ) : (
        <>
          <div>
            <button type="button" className="button" disabled={isBusy} onClick={() => void backUpNow()} data-testid="backup-now">
              {t('snapshots.backups.now')}
            </button>
          </div>
          <BackupList backups={backups} chosen={chosen} safety={safety} onChoose={setChosen} />
        </>
      )}
      {message && (
        <p className="modal-message" role="status" data-testid="backup-message">
          {message}
        </p>
      )}
    </Modal>
  );
}
