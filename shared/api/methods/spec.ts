import type { z } from 'zod';

/** A method of the contract: validated input, validated output, and one line of help. */
export interface MethodSpec {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
  /** One line for the method table in the README and `yardstick --help`. */
  readonly summary: string;
}
