import { useEffect } from 'react';
import { afterPaint } from '../editing/afterPaint';
import { CellInspector } from '../editing/CellInspector';
import { EditNoticeBar } from '../editing/EditNoticeBar';
import { ProblemsPanel } from '../editing/ProblemsPanel';
import { useFindings } from '../editing/useFindings';
import { bilingual } from '../editing/editingSlice';
import { useAppStore } from '../store';
import { selectIsTableLoading } from '../store/selectors';
import { AddRowDialog } from './AddRowDialog';
import { LongTable } from './LongTable';
import { TableToolbar } from './TableToolbar';
import { WideTable } from './WideTable';
import '../editing/editing.css';

/** The table view's body: tools, the wide or long sheet, the focused cell's details and the problems panel. */
export function EditableTable() {
  const mode = useAppStore((state) => state.tableMode);
  const isProblemsOpen = useAppStore((state) => state.isProblemsOpen);
  const workspacePath = useAppStore((state) => state.info?.path ?? null);
  const lastSnapshotSeq = useAppStore((state) => state.info?.lastSnapshot?.seq ?? null);
  const isChangesShown = useAppStore((state) => state.isChangesShown);
  const addRowDialog = useAppStore((state) => state.addRowDialog);
  const findings = useFindings();
  const isLoading = useAppStore(selectIsTableLoading);
  useEffect(() => {
    useAppStore.getState().resetEditingFor(workspacePath);
  }, [workspacePath]);
  // A key pressed while the working copy loaded said to wait: once it is in, that no longer holds.
  useEffect(() => {
    const { editNotice, setEditNotice } = useAppStore.getState();
    if (!isLoading && editNotice?.zh === bilingual('editing.messages.stillLoading').zh) setEditNotice(null);
  }, [isLoading]);
  // The "changed since the snapshot" markers are asked for once the rows are on screen.
  useEffect(() => afterPaint(() => void useAppStore.getState().loadChanges()), [workspacePath, lastSnapshotSeq, isChangesShown]);
  return (
    <div className="editable-table" data-testid="editable-table">
      <TableToolbar problemCount={isLoading ? null : findings.list.length} />
      <EditNoticeBar />
      {mode === 'wide' ? <WideTable findings={findings.byCell} /> : <LongTable findings={findings.byCell} />}
      <CellInspector />
      {isProblemsOpen && <ProblemsPanel findings={findings.list} />}
      {addRowDialog && <AddRowDialog key={addRowDialog} />}
    </div>
  );
}
