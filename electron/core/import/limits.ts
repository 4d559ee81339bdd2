/** Bounds on what an imported file may make the reader do; a file beyond them is refused, not half-read. */
export interface ReadLimits {
  /** Size of the file on disk. */
  readonly maxFileBytes: number;
  /** Sum of the uncompressed sizes of a zip container's entries (xlsx, ods). */
  readonly maxUncompressedBytes: number;
  /** Uncompressed ÷ compressed size of one large zip entry: a zip bomb's signature. */
  readonly maxCompressionRatio: number;
  readonly maxZipEntries: number;
  readonly maxSheets: number;
  /** Cells over all sheets (rows × columns of each sheet's used range). */
  readonly maxCells: number;
  /** Columns of one sheet: Excel's own limit (XFD); no statistical table is wider. */
  readonly maxColumns: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxUncompressedBytes: 400 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxZipEntries: 10_000,
  maxSheets: 200,
  maxCells: 20_000_000,
  maxColumns: 16_384,
};

/** The failure for a sheet wider than the limit, or undefined when it fits. */
export function columnsOverLimit(width: number, limits: ReadLimits): { message: string; messageZh: string } | undefined {
  if (width <= limits.maxColumns) return undefined;
  return {
    message: `a sheet has ${width.toLocaleString('en-US')} columns, more than the ${limits.maxColumns.toLocaleString('en-US')} a spreadsheet can have`,
    messageZh: `某工作表有 ${width.toLocaleString('zh-CN')} 列，超过电子表格最多 ${limits.maxColumns.toLocaleString('zh-CN')} 列的限制`,
  };
}

/** Entries smaller than this are not judged by their ratio: tiny XML parts compress absurdly well. */
export const RATIO_CHECK_MIN_BYTES = 8 * 1024 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
