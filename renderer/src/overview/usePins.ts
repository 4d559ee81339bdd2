import { useState } from 'react';
import type { AppError } from '../../../shared/api/contract';
import type { Overview } from '../../../shared/api/methods/analysis';
import { useAppStore } from '../store';

/** The pinned indicators after moving `code` by `delta` places (clamped to the ends). Pure. */
export function movedPins(codes: readonly string[], code: string, delta: number): string[] {
  const from = codes.indexOf(code);
  if (from < 0) return [...codes];
  const to = Math.min(codes.length - 1, Math.max(0, from + delta));
  const next = codes.filter((other) => other !== code);
  next.splice(to, 0, code);
  return next;
}

/** Pin, unpin, reorder and the home region of the overview on screen; one save at a time. */
export function usePins(overview: Overview | null) {
  const savePins = useAppStore((state) => state.savePins);
  const setError = useAppStore((state) => state.setError);
  const [isSaving, setSaving] = useState(false);
  const codes = overview?.cards.map((card) => card.indicatorCode) ?? [];
  const save = async (next: readonly string[], region?: string): Promise<AppError | null> => {
    if (isSaving) return null;
    setSaving(true);
    const error = await savePins(next, region);
    setSaving(false);
    if (error) setError(error);
    return error;
  };
  return {
    codes,
    isSaving,
    pin: (code: string) => save(codes.includes(code) ? codes : [...codes, code]),
    unpin: (code: string) => save(codes.filter((other) => other !== code)),
    move: (code: string, delta: number) => save(movedPins(codes, code, delta)),
    setRegion: (region: string) => save(codes, region),
  };
}

export type Pins = ReturnType<typeof usePins>;
