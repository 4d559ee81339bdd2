import { AppFailure, type AppError } from '../../shared/api/errors';

/** An expected failure as its error value; anything else logged with context once, and a generic error. */
export function toAppError(error: unknown, method?: string): AppError {
  if (error instanceof AppFailure) return error.toError();
  // Unexpected: log with context once, show a generic message.
  console.error(`[yardstick] unexpected error${method ? ` in ${method}` : ''}:`, error);
  return {
    code: 'INTERNAL',
    message: 'An unexpected error occurred; details were written to the log. Your data was not changed by the failed step.',
    messageZh: '发生意外错误，详情已写入日志。失败的操作未改动数据。',
  };
}
