import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, methodNames } from '../shared/api/contract';

const readme = fs.readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');

describe('README', () => {
  it('lists every API method with its summary', () => {
    for (const method of methodNames) expect(readme, method).toContain(`| \`${method}\` | ${contract[method].summary} |`);
  });

  it('shows the three commands a new user needs', () => {
    for (const command of ['npm install', 'npm start', 'npm test']) expect(readme).toContain(command);
  });
});
