// Checks that a better_sqlite3.node is built for Electron's ABI (not Node's) before packaging.
// A native addon built with NODE_MODULE exports `node_register_module_v<ABI>`; Electron's ABI is in
// node_modules/electron/abi_version. Usage: node scripts/check-native-abi.mjs [file.node ...]
// (default: every build/native/*/better_sqlite3.node). Exit 0 when all match, 1 otherwise.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The ABI numbers a .node file registers for (usually one). */
export function abiOf(bytes) {
  const text = bytes.toString('latin1');
  return [...new Set([...text.matchAll(/node_register_module_v(\d+)/g)].map((match) => Number(match[1])))];
}

function main() {
  const expected = Number(readFileSync(path.join(root, 'node_modules/electron/abi_version'), 'utf8').trim());
  let files = process.argv.slice(2);
  if (files.length === 0) {
    const nativeDir = path.join(root, 'build/native');
    files = existsSync(nativeDir) ? readdirSync(nativeDir).map((dir) => path.join(nativeDir, dir, 'better_sqlite3.node')).filter((file) => existsSync(file)) : [];
  }
  if (files.length === 0) {
    console.error(`No build/native/<os>-<arch>/better_sqlite3.node found. Build better-sqlite3 for Electron (ABI ${expected}) first; see README, "Building installers".`);
    process.exit(1);
  }
  let isOk = true;
  for (const file of files) {
    const found = abiOf(readFileSync(file));
    if (found.length === 1 && found[0] === expected) console.log(`ok   ${path.relative(root, file)}: Electron ABI ${expected}`);
    else {
      isOk = false;
      console.error(`FAIL ${path.relative(root, file)}: registers ABI ${found.join(', ') || 'none'}, Electron ${JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version} needs ${expected}${found.includes(Number(process.versions.modules)) ? ' (this is a Node build)' : ''}.`);
    }
  }
  process.exit(isOk ? 0 : 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
