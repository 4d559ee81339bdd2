import { useTranslation } from 'react-i18next';
import type { Snapshot } from '../../../shared/api/schemas';
import { useAppStore } from '../store';
import { localTime } from './revisionDisplay';

/** The snapshots, newest first, under the working copy: each can be opened, compared or restored. */
export function Timeline() {
  const { t } = useTranslation();
  const snapshots = useAppStore((state) => state.snapshots);
  const workingCount = useAppStore((state) => state.info?.observationCount ?? 0);
  const isViewingWorking = useAppStore((state) => state.snapshot === 'working');
  const openDialog = useAppStore((state) => state.openDialog);
  const newestFirst = [...snapshots].reverse();
  return (
    <section className="timeline" aria-labelledby="timeline-title" data-testid="snapshot-timeline">
      <h2 id="timeline-title" className="panel-title">
        {t('snapshots.timeline.title')}
      </h2>
      <ol className="timeline-list">
        <li className="timeline-item timeline-working" data-testid="timeline-working" aria-current={isViewingWorking || undefined}>
          <div className="timeline-head">
            <span className="timeline-label">{t('snapshots.timeline.working')}</span>
            {isViewingWorking && <span className="badge">{t('snapshots.timeline.viewing')}</span>}
          </div>
          <p className="timeline-meta">
            {t('snapshots.timeline.workingHint')} · {t('snapshots.timeline.observations', { count: workingCount })}
          </p>
          <div className="timeline-actions">
            <button type="button" className="button button-small" onClick={() => openDialog('snapshot')} data-testid="timeline-take-snapshot">
              {t('snapshots.timeline.takeSnapshot')}
            </button>
          </div>
        </li>
        {newestFirst.map((snapshot, index) => (
          <TimelineItem key={snapshot.seq} snapshot={snapshot} previous={newestFirst[index + 1] ?? null} />
        ))}
      </ol>
      {snapshots.length === 0 && <p className="panel-empty">{t('snapshots.timeline.empty')}</p>}
    </section>
  );
}

interface TimelineItemProps {
  readonly snapshot: Snapshot;
  /** The snapshot before this one: "revisions in this release" compares with it. */
  readonly previous: Snapshot | null;
}

function TimelineItem({ snapshot, previous }: TimelineItemProps) {
  const { t } = useTranslation();
  const isViewing = useAppStore((state) => state.snapshot === snapshot.seq);
  const selectSnapshot = useAppStore((state) => state.selectSnapshot);
  const setView = useAppStore((state) => state.setView);
  const compareSnapshots = useAppStore((state) => state.compareSnapshots);
  const openSnapshotsDialog = useAppStore((state) => state.openSnapshotsDialog);
  const open = () => {
    void selectSnapshot(snapshot.seq);
    setView('table');
  };
  return (
    <li className="timeline-item" data-testid={`timeline-snapshot-${snapshot.seq}`} aria-current={isViewing || undefined}>
      <div className="timeline-head">
        <span className="timeline-label">{snapshot.label}</span>
        <span className={`kind kind-${snapshot.kind}`}>{t(`snapshots.kind.${snapshot.kind}`)}</span>
        {isViewing && <span className="badge">{t('snapshots.timeline.viewing')}</span>}
      </div>
      <p className="timeline-meta">
        {t('snapshots.timeline.seq', { seq: snapshot.seq })} · <time dateTime={snapshot.createdAt}>{localTime(snapshot.createdAt)}</time> ·{' '}
        {t('snapshots.timeline.observations', { count: snapshot.observationCount })}
      </p>
      {snapshot.sourceFile && <p className="timeline-meta">{t('snapshots.timeline.source', { file: snapshot.sourceFile })}</p>}
      {snapshot.note && <p className="timeline-note">{t('snapshots.timeline.note', { note: snapshot.note })}</p>}
      <div className="timeline-actions">
        <button type="button" className="button button-small" title={t('snapshots.timeline.openHint')} onClick={open} data-testid="timeline-open">
          {t('snapshots.timeline.open')}
        </button>
        <button
          type="button"
          className="button button-small"
          title={t('snapshots.timeline.compareWorkingHint')}
          onClick={() => void compareSnapshots(snapshot.seq, 'working')}
          data-testid="timeline-compare-working"
        >
          {t('snapshots.timeline.compareWorking')}
        </button>
        {previous && (
          <button
            type="button"
            className="button button-small"
            title={t('snapshots.timeline.releaseRevisionsHint')}
            onClick={() => void compareSnapshots(previous.seq, snapshot.seq)}
            data-testid="timeline-release-revisions"
          >
            {t('snapshots.timeline.releaseRevisions')}
          </button>
        )}
        <button
          type="button"
          className="button button-small"
          onClick={() => openSnapshotsDialog({ kind: 'restoreSnapshot', seq: snapshot.seq, label: snapshot.label })}
          data-testid="timeline-restore"
        >
          {t('snapshots.timeline.restore')}
        </button>
      </div>
    </li>
  );
}
