import { z } from 'zod';
import { Code, Indicator, Region, Text } from '../api/schemas';

/** Column letters as the sheet shows them ("C", "AA"). */
export const ColumnLetters = z.string().regex(/^[A-Z]{1,3}$/, 'column letters such as C or AA');

/** 1-based sheet row numbers, inclusive, as the sheet shows them. */
export const RowSpan = z
  .object({ first: z.number().int().positive(), last: z.number().int().positive() })
  .refine((span) => span.last >= span.first, 'last row before first row');
export type RowSpan = z.infer<typeof RowSpan>;

/**
 * What a column holds. Wide tables: value / growth (reported growth in %) / rank / ignore. Long
 * tables also name the columns that carry the region, indicator, period and unit of each row.
 */
export const ColumnRole = z.enum(['value', 'growth', 'rank', 'ignore', 'region', 'indicator', 'period', 'unit']);
export type ColumnRole = z.infer<typeof ColumnRole>;

export const ColumnMapping = z.object({
  column: ColumnLetters,
  /** The flattened header as detected ("生产总值(亿元) / 工业"); templates recognise columns by it. */
  header: Text(500),
  role: ColumnRole,
  /** Indicator code: an existing one, or one listed in `create.indicators`. */
  indicator: Code.nullable().default(null),
  /** Period code when the column carries one (a "2016" header). */
  period: Code.nullable().default(null),
  /** True when `period` was read from the header: a template re-reads it from each new file. */
  periodFromHeader: z.boolean().default(false),
  /** Unit of the numbers as printed (亿元, 万人); converted to the indicator's unit or refused. */
  unit: Text(40).nullable().default(null),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const RowRules = z.object({
  /** 全省/合计 rows: skipped, or stored for the parent region of the table's regions. */
  totals: z.enum(['skip', 'parent']).default('parent'),
  /** Regional subtotals (浙东北, 苏南): skipped, or stored for a region of that name. */
  subtotals: z.enum(['skip', 'region']).default('skip'),
  /** "其中" sub-rows (其中：义乌市): skipped, or stored for a region of that name. */
  memberOf: z.enum(['skip', 'region']).default('skip'),
});
export type RowRules = z.infer<typeof RowRules>;

export const TableMapping = z.object({
  sheet: Text(200),
  title: Text(1000).default(''),
  /** A table the user chose not to import stays in the mapping so templates keep its place. */
  enabled: z.boolean().default(true),
  layout: z.enum(['wide', 'long']),
  headerRows: RowSpan.nullable(),
  dataRows: RowSpan,
  /** Wide: the column that names each row. Long: the region column, if any. */
  labelColumn: ColumnLetters.nullable(),
  /** A second label column, in English ("Nanjing"), tried when the first is not Chinese or is empty. */
  alternateLabelColumn: ColumnLetters.nullable().default(null),
  /** Whether the row labels name regions or periods ("1978年"). */
  labelKind: z.enum(['region', 'period']).default('region'),
  columns: z.array(ColumnMapping).max(2000),
  /** The indicator of every value column that names none (tables whose columns are periods). */
  indicator: Code.nullable().default(null),
  /** The region of every row, when rows are periods. */
  region: Code.nullable().default(null),
  /** The period of every value, when neither rows nor columns carry one. */
  period: Code.nullable().default(null),
  /** Where `period` came from: a template re-reads "title" and "fileName" periods from each new file. */
  periodSource: z.enum(['title', 'fileName', 'explicit']).nullable().default(null),
  rows: RowRules.default({ totals: 'parent', subtotals: 'skip', memberOf: 'skip' }),
});
export type TableMapping = z.infer<typeof TableMapping>;
export type TableMappingInput = z.input<typeof TableMapping>;

/** How a file's cells become observations: one entry per table, plus explicit confirmations. */
export const ImportMapping = z.object({
  tables: z.array(TableMapping).min(1).max(200),
  /** Row labels mapped by hand to a region code ("丽水经开区" → 331101), or to "" to skip the row. */
  regionNames: z.record(Text(200), z.string().max(64)).default({}),
  /** New indicators and regions the user confirmed; nothing is created that is not listed here. */
  create: z
    .object({
      indicators: z.array(Indicator).max(2000).default([]),
      regions: z.array(Region).max(2000).default([]),
    })
    .default({ indicators: [], regions: [] }),
  /** Source note stored with each observation; by default the file name and cell address. */
  source: Text(1000).nullable().default(null),
});
export type ImportMapping = z.infer<typeof ImportMapping>;
export type ImportMappingInput = z.input<typeof ImportMapping>;

/** New indicators and regions the detection found, awaiting the user's confirmation. */
export const Proposals = z.object({
  indicators: z.array(Indicator),
  regions: z.array(Region),
});
export type Proposals = z.infer<typeof Proposals>;

/** Category that indicators created by an import are filed under until the user moves them. */
export const IMPORTED_CATEGORY = { code: 'imported', nameZh: '导入指标', nameEn: 'Imported indicators' } as const;
