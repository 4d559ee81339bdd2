/** A cell as a reader delivers it: text as printed, numbers as stored, empty as null. */
export type CellValue = string | number | null;

/** A merged range of cells, 0-based and inclusive. */
export interface MergeRange {
  readonly startRow: number;
  readonly startColumn: number;
  readonly endRow: number;
  readonly endColumn: number;
}

/** One sheet as a 2-D array of cells (row-major, 0-based) with its merged ranges. */
export interface SheetCells {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
  readonly merges: readonly MergeRange[];
}

export type SourceFormat = 'xlsx' | 'xls' | 'ods' | 'csv' | 'tsv' | 'html';

/** What a file reader hands to the mapping: every sheet's cells and how the bytes were decoded. */
export interface WorkbookCells {
  readonly fileName: string;
  readonly format: SourceFormat;
  /** The text encoding of a csv/tsv, or the code page a legacy .xls was re-decoded with; null otherwise. */
  readonly encoding: string | null;
  readonly sheets: readonly SheetCells[];
  /** What the reader corrected on the way ("declared code page 1252 re-decoded as GBK"), shown in the preview. */
  readonly notes: readonly string[];
}
