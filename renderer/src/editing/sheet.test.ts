import type { CellClassFunc, CellClassParams, ColDef } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/editing/consistency';
import { decorateColumns, NO_MARKERS, SheetController } from './sheet';
import type { Markers, SheetAdapter } from './sheet';
import type { EditTarget } from './targets';

/** One row per region of one indicator; the name column edits nothing, each year edits the value. */
interface Row {
  readonly region: string;
  readonly value: number | null;
}

const adapter: SheetAdapter<Row> = {
  targetOf: (row, colId): EditTarget | null =>
    colId === 'name'
      ? null
      : { indicatorCode: 'iva', regionCode: row.region, period: colId, field: 'value', storedUnit: 'billion yuan', displayUnit: '亿元', rowLabel: row.region, columnLabel: colId, text: '' },
  textOf: () => '',
  rowLabel: (row) => row.region,
  rowKeys: () => [],
};

const COLUMNS: ColDef<Row>[] = [
  { colId: 'name', field: 'region', cellClass: 'cell-name' },
  { colId: '2024', cellClass: ({ data }) => (data?.value === null ? 'cell-missing' : undefined), cellClassRules: { 'cell-flagged': () => false } },
  { colId: '2025' },
];
const ROWS: Row[] = [
  { region: 'lishui', value: 4717.8 },
  { region: 'qingtian', value: null },
  { region: 'jinyun', value: 310 },
];

function sheet() {
  const context = new SheetController<Row>(adapter, () => Promise.resolve({ kind: 'saved' }));
  const columns = decorateColumns(COLUMNS, undefined);
  context.columnIds = columns.map((column) => column.colId ?? '');
  context.columnIndex = new Map(context.columnIds.map((id, index) => [id, index]));
  /** The classes the grid gives the cell at a displayed row and column when it draws it. */
  const classesAt = (rowIndex: number, colIndex: number): string[] => {
    const column = columns[colIndex]!;
    const params = { data: ROWS[rowIndex], node: { rowIndex }, context, colDef: column } as unknown as CellClassParams<Row>;
    return (column.cellClass as CellClassFunc<Row>)(params) as string[];
  };
  return { context, columns, classesAt };
}

const finding = (severity: Finding['severity']): Finding => ({
  id: severity,
  rule: 'PART_EXCEEDS_WHOLE',
  severity,
  cell: { indicatorCode: 'iva', regionCode: 'lishui', period: '2024', field: 'value' },
  related: [],
  isAsPrinted: false,
  zh: '',
  en: '',
});

const markers = (patch: Partial<Markers>): Markers => ({ ...NO_MARKERS, ...patch });

describe('the classes of a drawn cell', () => {
  it('are none for a plain cell, and a column keeps its own classes and its flag rule', () => {
    const { columns, classesAt } = sheet();
    expect(classesAt(0, 2)).toEqual([]);
    expect(classesAt(0, 0)).toEqual(['cell-name']);
    expect(classesAt(1, 1)).toEqual(['cell-missing']);
    expect(classesAt(0, 1)).toEqual([]);
    expect(Object.keys(columns[1]!.cellClassRules ?? {})).toEqual(['cell-flagged']);
  });

  it('mark the selection, its fill handle (not when read-only or while a fill is previewed) and the fill preview', () => {
    const { context, classesAt } = sheet();
    context.select({ anchor: { rowIndex: 0, colIndex: 1 }, focus: { rowIndex: 1, colIndex: 2 } });
    expect(classesAt(0, 1)).toEqual(['cell-selected']);
    expect(classesAt(1, 2)).toEqual(['cell-selected', 'cell-fill-corner']);
    expect(classesAt(2, 2)).toEqual([]);
    context.previewFill({ top: 2, bottom: 2, left: 1, right: 2 });
    expect(classesAt(2, 2)).toEqual(['cell-fill-preview']);
    expect(classesAt(1, 2)).toEqual(['cell-selected']);
    context.previewFill(null);
    context.configure({ isReadOnly: true });
    expect(classesAt(1, 2)).toEqual(['cell-selected']);
  });

  it('mark changes since the snapshot only while they are shown, a changed note on the value', () => {
    const { context, classesAt } = sheet();
    const changed = new Set(['iva|lishui|2024|value', 'iva|jinyun|2025|other']);
    context.configure({ markers: markers({ changed }) });
    expect(classesAt(0, 1)).toEqual([]);
    context.configure({ markers: markers({ isChangesShown: true, changed }) });
    expect(classesAt(0, 1)).toEqual(['cell-changed']);
    expect(classesAt(2, 2)).toEqual(['cell-changed']);
    expect(classesAt(0, 2)).toEqual([]);
  });

  it('mark problems (an error over warnings) and a save under way', () => {
    const { context, classesAt } = sheet();
    context.configure({ markers: markers({ findings: new Map([['iva|lishui|2024|value', [finding('warning'), finding('error')]]]) }) });
    expect(classesAt(0, 1)).toEqual(['cell-problem-error']);
    context.configure({ markers: markers({ findings: new Map([['iva|lishui|2024|value', [finding('warning')]]]), pending: new Set(['iva|lishui|2024|value']) }) });
    expect(classesAt(0, 1)).toEqual(['cell-problem-warning', 'cell-saving']);
    expect(classesAt(0, 2)).toEqual([]);
  });
});
