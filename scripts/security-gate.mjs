// Security gate: runs @doyensec/electronegativity over the built app and fails on any finding
// that security/electronegativity-allowlist.json does not justify. Electronegativity itself exits 0
// whatever it finds, so this script reads its report. Usage: node scripts/security-gate.mjs [outDir]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/**
 * Whether an allowlist entry's file names a scanned file: exactly, or with `[hash]` standing for the
 * content hash the bundler puts in a chunk's name (so an entry outlives a rebuild of the same chunk).
 */
export function namesFile(pattern, file) {
  if (!pattern.includes('[hash]')) return pattern === file;
  const [before, after] = pattern.split('[hash]');
  return file.startsWith(before) && file.endsWith(after) && /^[\w-]+$/.test(file.slice(before.length, file.length - after.length));
}

/** Findings not covered by the allowlist, and allowlist entries that no finding used (stale). */
export function judge(issues, allowlist) {
  const used = new Set();
  const unjustified = issues.filter((issue) => {
    const index = allowlist.findIndex((entry) => entry.id === issue.id && namesFile(entry.file, issue.file));
    if (index === -1) return true;
    used.add(index);
    return false;
  });
  const stale = allowlist.filter((_, index) => !used.has(index));
  return { unjustified, stale };
}

async function main() {
  const input = path.join(root, process.argv[2] ?? process.env.YARDSTICK_OUT_DIR ?? 'out');
  const allowlist = JSON.parse(readFileSync(path.join(root, 'security/electronegativity-allowlist.json'), 'utf8'));
  const run = require('@doyensec/electronegativity');
  const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  // AvailableSecurityFixesGlobalCheck downloads Electron's release list: these machines are offline,
  // and the Electron version is pinned in package.json and upgraded through npm.
  const result = await run({ input, electronVersionOverride: electronVersion, isRelative: true, excludeFromScan: ['AvailableSecurityFixesGlobalCheck'] });
  if (result.errors.length > 0) {
    console.error('electronegativity could not read some files:', result.errors);
    process.exit(1);
  }
  const { unjustified, stale } = judge(result.issues, allowlist);
  console.log(`electronegativity ${result.globalChecks} global and ${result.atomicChecks} atomic checks over ${path.relative(root, input)}: ${result.issues.length} findings, ${result.issues.length - unjustified.length} justified in the allowlist.`);
  for (const issue of unjustified) {
    console.error(`UNJUSTIFIED ${issue.severity.name} ${issue.id} ${issue.file}:${issue.location.line} — ${issue.description}\n    ${issue.sample}`);
  }
  for (const entry of stale) console.error(`STALE allowlist entry (no such finding any more; remove it): ${entry.id} ${entry.file}`);
  if (unjustified.length > 0 || stale.length > 0) process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
