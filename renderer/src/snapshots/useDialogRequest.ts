import { useState } from 'react';
import type { AppError } from '../../../shared/api/contract';
import { useAppStore } from '../store';

/** Runs a dialog's request: busy while it runs; closes the dialog on success unless told to stay, keeps the error otherwise. */
export function useDialogRequest() {
  const close = useAppStore((state) => state.closeSnapshotsDialog);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const run = async (request: () => Promise<AppError | null>, { isStaying = false } = {}): Promise<boolean> => {
    setBusy(true);
    setError(null);
    const failure = await request();
    setBusy(false);
    if (failure) setError(failure);
    else if (!isStaying) close();
    return failure === null;
  };
  return { isBusy, error, run, close };
}
