import { useState } from 'react';
import type { AppError } from '../../../shared/api/contract';
import { useAppStore } from '../store';

/**
 * Runs a dialog's request: busy while it runs, keeps the error otherwise. On success it calls
 * `onDone`, by default closing the app's current dialog (a view's own dialog passes its onClose).
 */
export function useSubmission(onDone?: () => void) {
  const closeDialog = useAppStore((state) => state.closeDialog);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const submit = async (request: () => Promise<AppError | null>) => {
    setBusy(true);
    setError(null);
    const failure = await request();
    setBusy(false);
    if (failure) setError(failure);
    else (onDone ?? closeDialog)();
  };
  return { isBusy, error, submit };
}
