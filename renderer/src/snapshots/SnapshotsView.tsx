import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { observationKey } from '../store/workspaceSlice';
import { CellHistoryPanel } from './CellHistoryPanel';
import { ComparePanel } from './ComparePanel';
import { NoticeBar } from './NoticeBar';
import { Timeline } from './Timeline';
import './snapshots.css';

/**
 * Starts afresh for another workspace, then compares the last snapshot with the working copy,
 * which answers "what has changed since I last froze the data?".
 */
function useDefaultComparison(): void {
  const { path, stored, hasCompare, lastSeq } = useAppStore(
    useShallow((state) => ({
      path: state.info?.path ?? null,
      stored: state.snapshotsWorkspace,
      hasCompare: state.revisionDiff.compare !== null,
      lastSeq: state.snapshots.at(-1)?.seq,
    })),
  );
  useEffect(() => {
    const { resetSnapshots, compareSnapshots } = useAppStore.getState();
    if (path !== stored) return resetSnapshots(path);
    if (!hasCompare && lastSeq !== undefined) void compareSnapshots(lastSeq, 'working');
  }, [path, stored, hasCompare, lastSeq]);
}

/** Edits elsewhere (the table, an import) reload the working copy: a comparison with it follows. */
function useWorkingComparisonFresh(): void {
  const working = useAppStore((state) => state.observations[observationKey('working')]);
  const lastSeen = useRef<typeof working>(working);
  useEffect(() => {
    if (lastSeen.current === working) return;
    lastSeen.current = working;
    const { revisionDiff, compareSnapshots } = useAppStore.getState();
    const compare = revisionDiff.compare;
    if (working && compare && (compare.from === 'working' || compare.to === 'working')) void compareSnapshots(compare.from, compare.to);
  }, [working]);
}

/** Snapshots and revisions: the timeline, a comparison of two versions and the history of one cell. */
export function SnapshotsView() {
  useDefaultComparison();
  useWorkingComparisonFresh();
  return (
    <div className="snapshots-view" data-testid="snapshots-view">
      <NoticeBar />
      <div className="snapshots-body">
        <Timeline />
        <div className="snapshots-main">
          <ComparePanel />
          <CellHistoryPanel />
        </div>
      </div>
    </div>
  );
}
