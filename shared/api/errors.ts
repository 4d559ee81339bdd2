import { z } from 'zod';

/** Codes of expected failures; each has a message a user can act on, in both languages. */
export const ErrorCode = z.enum([
  'VALIDATION',
  'UNKNOWN_METHOD',
  'NO_WORKSPACE',
  'FILE_NOT_FOUND',
  'FILE_EXISTS',
  'NOT_SQLITE',
  'NOT_A_WORKSPACE',
  'WORKSPACE_TOO_NEW',
  'WORKSPACE_CORRUPT',
  'WORKSPACE_READ_ONLY',
  'INDICATOR_NOT_FOUND',
  'REGION_NOT_FOUND',
  'AMBIGUOUS_QUERY',
  'PERIOD_UNPARSEABLE',
  'SNAPSHOT_NOT_FOUND',
  'SNAPSHOT_LABEL_TAKEN',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'PAYLOAD_TOO_LARGE',
  /** Import: the workbook is password-protected. */
  'IMPORT_ENCRYPTED',
  /** Import: the file, its inflated parts, sheets or cells exceed the reader's limits. */
  'IMPORT_TOO_LARGE',
  /** Import: the file is damaged, truncated or not a spreadsheet. */
  'IMPORT_UNREADABLE',
  /** Import: no table of figures (an empty file, sheets of only text). */
  'IMPORT_EMPTY',
  /** Import: the mapping cannot be applied (no period, unknown sheet, a code that already exists). */
  'IMPORT_MAPPING_INVALID',
  /** Import: rows were rejected and the caller asked to write nothing in that case. */
  'IMPORT_REJECTED',
  'IMPORT_CANCELLED',
  'TEMPLATE_NOT_FOUND',
  /** The connection to the backend was lost or answered with something that is not the contract. */
  'TRANSPORT',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AppErrorSchema = z.object({
  code: ErrorCode,
  /** English message. */
  message: z.string(),
  /** Chinese message. */
  messageZh: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppError = z.infer<typeof AppErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** A failure the user can act on, thrown inside core and turned into `{ok: false, error}` at the boundary. */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly messageZh: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, messageZh: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppFailure';
    this.code = code;
    this.messageZh = messageZh;
    this.details = details;
  }

  toError(): AppError {
    return {
      code: this.code,
      message: this.message,
      messageZh: this.messageZh,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, messageZh: string, details?: Record<string, unknown>): Result<never> {
  return { ok: false, error: { code, message, messageZh, ...(details ? { details } : {}) } };
}

/** Renders zod issues as "field: problem" lines, naming where each problem is. */
export function describeValidation(error: z.ZodError): { message: string; messageZh: string; details: Record<string, unknown> } {
  const issues = error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    problem: issue.message,
  }));
  const list = issues.map((issue) => `${issue.path}: ${issue.problem}`).join('; ');
  return {
    message: `Invalid request: ${list}`,
    messageZh: `请求参数无效：${list}`,
    details: { issues },
  };
}
