import { useAppStore } from '../store';
import { PathDialog } from './PathDialog';
import { SnapshotDialog } from './SnapshotDialog';

/** The one open dialog, if any (the store's `dialog`). */
export function Dialogs() {
  const dialog = useAppStore((state) => state.dialog);
  switch (dialog) {
    case 'newWorkspace':
      return <PathDialog key="new" kind="new" />;
    case 'openWorkspace':
      return <PathDialog key="open" kind="open" />;
    case 'snapshot':
      return <SnapshotDialog />;
    case null:
      return null;
  }
}
