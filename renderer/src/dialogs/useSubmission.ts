import { useState } from 'react';
import type { AppError } from '../../../shared/api/contract';
import { useAppStore } from '../store';

/** Runs a dialog's request: busy while it runs, closes the dialog on success, keeps the error otherwise. */
export function useSubmission() {
  const closeDialog = useAppStore((state) => state.closeDialog);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const submit = async (request: () => Promise<AppError | null>) => {
    setBusy(true);
    setError(null);
    const failure = await request();
    setBusy(false);
    if (failure) setError(failure);
    else closeDialog();
  };
  return { isBusy, error, submit };
}
