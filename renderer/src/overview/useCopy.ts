import { useEffect, useState } from 'react';

export type CopyState = 'idle' | 'copied' | 'failed';

const CONFIRMATION_MS = 4000;

/** Writes text to the clipboard and says how it went for a few seconds. */
export function useCopy(): [CopyState, (text: string) => void] {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), CONFIRMATION_MS);
    return () => window.clearTimeout(timer);
  }, [state]);
  const copy = (text: string) => {
    // navigator.clipboard needs a secure context: Electron's file page and the browser edition on 127.0.0.1 are.
    const write = navigator.clipboard?.writeText(text) ?? Promise.reject(new Error('no clipboard'));
    write.then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return [state, copy];
}
