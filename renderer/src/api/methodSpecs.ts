import type { MethodName } from '../../../shared/api/contract';
import { editingMethods } from '../../../shared/api/methods/editing';
import { foundationMethods } from '../../../shared/api/methods/foundation';
import { snapshotMethods } from '../../../shared/api/methods/snapshots';
import type { MethodSpec } from '../../../shared/api/methods/spec';

/**
 * The contract's schemas, as the page needs them. Building zod schemas is most of the launch
 * script's run time, so only the areas the launch calls (the workspace, its catalogue and
 * snapshots, the table's figures and edits) come with the app; the rest of the contract (analysis,
 * projections, import and export, charts) is a chunk loaded on the first call to one of its methods.
 */
const launchMethods: Readonly<Record<string, MethodSpec>> = { ...foundationMethods, ...editingMethods, ...snapshotMethods };
let wholeContract: Promise<Readonly<Record<string, MethodSpec>>> | undefined;

export function methodSpec(method: MethodName): MethodSpec | Promise<MethodSpec> {
  if (Object.hasOwn(launchMethods, method)) return launchMethods[method]!;
  wholeContract ??= import('../../../shared/api/contract').then(
    ({ contract }) => contract,
    (error: unknown) => {
      wholeContract = undefined;
      throw error;
    },
  );
  return wholeContract.then((contract) => contract[method]!);
}
