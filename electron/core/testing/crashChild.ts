// A child process for the crash-safety test: opens a workspace, says "ready", runs one action, says "done".
import { Workspace } from '../workspace';

const [file, action, argument] = process.argv.slice(2);
const workspace = Workspace.open(file!);
process.stdout.write('ready\n');
if (action === 'restore') workspace.restore(argument!);
else if (action === 'snapshot') workspace.createSnapshot({ label: argument!, kind: 'manual' });
else if (action === 'edit') {
  const value = Number(argument);
  const cells = workspace.querySeries({}).map((o) => ({ indicatorCode: o.indicatorCode, regionCode: o.regionCode, period: o.period, fields: { value } }));
  workspace.editCells(cells, { kind: 'paste', label: 'crash test paste' });
} else throw new Error(`unknown action ${action}`);
process.stdout.write('done\n');
workspace.close();
