import { useEffect } from 'react';
import { afterPaint } from '../editing/afterPaint';
import { CellInspector } from '../editing/CellInspector';
import { EditNoticeBar } from '../editing/EditNoticeBar';
import { ProblemsPanel } from '../editing/ProblemsPanel';
import { useFindings } from '../editing/useFindings';
import { useAppStore } from '../store';
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
  useEffect(() => {
    useAppStore.getState().resetEditingFor(workspacePath);
  }, [workspacePath]);
  // The "changed since the snapshot" markers are asked for once the rows are on screen.
  useEffect(() => afterPaint(() => void useAppStore.getState().loadChanges()), [workspacePath, lastSnapshotSeq, isChangesShown]);
  return (
    <div className="editable-table" data-testid="editable-table">
      <TableToolbar problemCount={findings.list.length} />
      <EditNoticeBar />
      {mode === 'wide' ? <WideTable findings={findings.byCell} /> : <LongTable findings={findings.byCell} />}
      <CellInspector />
      {isProblemsOpen && <ProblemsPanel findings={findings.list} />}
      {addRowDialog && <AddRowDialog key={addRowDialog} />}
    </div>
  );
}
