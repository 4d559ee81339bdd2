import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';
import type { SnapshotsNotice } from './snapshotsSlice';
import { localTime } from './revisionDisplay';

function useNoticeText(notice: SnapshotsNotice): string {
  const { t } = useTranslation();
  switch (notice.kind) {
    case 'restored':
      return t('snapshots.restore.done', { label: notice.label, count: notice.count });
    case 'nothingToRestore':
      return t('snapshots.restore.nothing', { label: notice.label });
    case 'undone':
      return t('snapshots.restore.undone');
    case 'notLast':
      return t('snapshots.restore.notLast');
    case 'exported':
      return t('snapshots.compare.exported', { path: notice.path, count: notice.count });
    case 'savedAs':
      return t('snapshots.saveAs.saved', { name: notice.name });
    case 'backupRestored':
      return t('snapshots.backups.restored', { time: localTime(notice.takenAt, true), safety: notice.safety });
  }
}

function NoticeText({ notice }: { readonly notice: SnapshotsNotice }) {
  return <span data-testid="snapshots-notice-text">{useNoticeText(notice)}</span>;
}

/** What the last action did, with Undo right after a restore. */
export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useAppStore((state) => state.snapshotsNotice);
  const undoRestore = useAppStore((state) => state.undoRestore);
  const dismiss = useAppStore((state) => state.dismissSnapshotsNotice);
  if (!notice) return null;
  return (
    <div className={`notice-bar notice-${notice.kind === 'notLast' ? 'warning' : 'info'}`} role="status" data-testid="snapshots-notice">
      <NoticeText notice={notice} />
      <span className="toolbar-spacer" />
      {notice.kind === 'restored' && (
        <button type="button" className="button button-primary button-small" onClick={() => void undoRestore()} data-testid="undo-restore">
          {t('snapshots.restore.undo')}
        </button>
      )}
      <button type="button" className="button button-small" onClick={dismiss} data-testid="snapshots-notice-dismiss">
        {t('snapshots.restore.dismiss')}
      </button>
    </div>
  );
}
