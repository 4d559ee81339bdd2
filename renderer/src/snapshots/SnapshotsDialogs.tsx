import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';
import { folderOf, suggestPath } from '../shell/suggestions';
import { BackupsDialog } from './BackupsDialog';
import { PathRequestDialog } from './PathRequestDialog';
import { RestoreSnapshotDialog } from './RestoreSnapshotDialog';
import './snapshots.css';

/** A label as part of a file name: no path separators or characters Windows refuses. */
export function fileNamePart(text: string): string {
  return text.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60);
}

function SaveAsDialog() {
  const { t } = useTranslation();
  const info = useAppStore((state) => state.info);
  const saveWorkspaceAs = useAppStore((state) => state.saveWorkspaceAs);
  const name = (info?.fileName ?? 'workspace.sqlite').replace(/\.sqlite$/i, '');
  return (
    <PathRequestDialog
      title={t('snapshots.saveAs.title')}
      intro={t('snapshots.saveAs.intro')}
      submitLabel={t('snapshots.saveAs.submit')}
      suggestion={suggestPath(info?.path, t('snapshots.saveAs.defaultName', { name }))}
      request={saveWorkspaceAs}
      testId="save-as-dialog"
    />
  );
}

function ExportDiffDialog() {
  const { t } = useTranslation();
  const path = useAppStore((state) => state.info?.path);
  const diff = useAppStore((state) => state.revisionDiff);
  const exportRevisionReport = useAppStore((state) => state.exportRevisionReport);
  const count = useAppStore((state) => {
    const { indicatorCode, regionCode } = state.revisionFilter;
    return state.revisionDiff.rows.filter((row) => (!indicatorCode || row.indicatorCode === indicatorCode) && (!regionCode || row.regionCode === regionCode)).length;
  });
  const sideName = (side: { label: string } | null) => (!side ? '' : side.label === 'working' ? t('toolbar.workingCopy') : side.label);
  const from = sideName(diff.from);
  const to = sideName(diff.to);
  return (
    <PathRequestDialog
      title={t('snapshots.exportDiff.title')}
      intro={t('snapshots.exportDiff.intro', { from, to, count })}
      submitLabel={t('snapshots.exportDiff.submit')}
      suggestion={`${path ? folderOf(path) : ''}${t('snapshots.exportDiff.defaultName', { from: fileNamePart(from), to: fileNamePart(to) })}`}
      help={t('snapshots.exportDiff.pathHelp')}
      format="xlsx"
      request={exportRevisionReport}
      testId="export-diff-dialog"
    />
  );
}

/** The snapshot area's dialogs, reachable from the Workspace menu in every view. */
export function SnapshotsDialogs() {
  const dialog = useAppStore((state) => state.snapshotsDialog);
  switch (dialog?.kind) {
    case 'restoreSnapshot':
      return <RestoreSnapshotDialog key={dialog.seq} seq={dialog.seq} label={dialog.label} />;
    case 'backups':
      return <BackupsDialog createdAt={dialog.createdAt ?? null} failure={dialog.failure ?? null} />;
    case 'saveAs':
      return <SaveAsDialog />;
    case 'exportDiff':
      return <ExportDiffDialog />;
    case undefined:
      return null;
  }
}
