import type { ReactNode } from 'react';
import { useAppStore } from '../store';
import { TransformedTable } from './TransformedTable';
import { TransformSelector } from './TransformSelector';
import { selectIsTransformActive } from './transformSlice';
import './transform.css';

/** The transformation bar over the table; with a transformation chosen, the computed table replaces the stored one (`children`). */
export function WithTransforms({ children }: { readonly children: ReactNode }) {
  const isActive = useAppStore(selectIsTransformActive);
  return (
    <>
      <TransformSelector />
      {isActive ? <TransformedTable /> : children}
    </>
  );
}
