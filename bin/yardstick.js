#!/usr/bin/env node
// The `yardstick` command: the built CLI (npm run build writes out/main/cli.js).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('Yardstick is not built yet: run `npm run build` first. / 尚未构建：请先运行 `npm run build`。');
  process.exit(2);
}
require(cli);
