// A child process for the import crash test: says "ready", imports one file through the CLI's own
// code path (read, map, one change set in one transaction), says "done".
import { runCli } from '../electron/cli/program';

const [workspace, file] = process.argv.slice(2);
process.stdout.write('ready\n');
void runCli(['import', workspace!, file!, '--auto', '--confirm-new'], { out: () => undefined, err: (text) => process.stderr.write(text) }).then((code) => {
  process.stdout.write(code === 0 ? 'done\n' : `failed ${code}\n`);
});
