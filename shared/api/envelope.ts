import { z } from 'zod';
import { AppErrorSchema } from './errors';

/** Schema of a transport's response envelope, for clients that parse what comes over the wire. */
export const ResultEnvelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorSchema }),
]);
