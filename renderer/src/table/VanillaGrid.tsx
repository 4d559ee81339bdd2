import { useLayoutEffect, useRef } from 'react';
import type { CSSProperties } from 'react';
import { createGrid } from 'ag-grid-community';
import type { GridApi, GridOptions, ManagedGridOptions } from 'ag-grid-community';

const FILL: CSSProperties = { width: '100%', height: '100%' };

/**
 * AG Grid drawn by its own DOM code instead of React. AgGridReact renders every row and cell as a
 * React component: while the wide table scrolled, about a third of each frame's script (4-6 ms of
 * 12-17 ms on the bench machine) went to them. Here React owns one empty element; the grid is
 * created in it once, and a later render passes on only the options that changed (as AgGridReact
 * does). Cell editors are then plain components too: see CellEditorComp, which mounts our React
 * editor inside one.
 */
export function VanillaGrid<Row>(options: GridOptions<Row>) {
  const host = useRef<HTMLDivElement>(null);
  const api = useRef<GridApi<Row> | null>(null);
  const applied = useRef<GridOptions<Row>>(options);

  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    applied.current = options;
    const grid = createGrid<Row>(element, { ...options });
    api.current = grid;
    return () => {
      api.current = null;
      grid.destroy();
    };
    // Created once; later options go through updateGridOptions below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Before the paint, so that new rows (an edit, a paste) show in the frame that follows the render.
  useLayoutEffect(() => {
    const grid = api.current;
    const before = applied.current;
    applied.current = options;
    if (!grid || grid.isDestroyed() || before === options) return;
    const changes: Record<string, unknown> = {};
    let hasChanges = false;
    for (const key of new Set([...Object.keys(before), ...Object.keys(options)])) {
      const value = (options as Record<string, unknown>)[key];
      if ((before as Record<string, unknown>)[key] !== value) {
        changes[key] = value;
        hasChanges = true;
      }
    }
    if (hasChanges) grid.updateGridOptions(changes as ManagedGridOptions<Row>);
  });

  return <div ref={host} style={FILL} />;
}
