import { describe, expect, it } from 'vitest';
import { contract, isMethodName, methodNames, parseInput } from './contract';

describe('the API contract', () => {
  it('declares the foundation methods once each', () => {
    expect(methodNames).toEqual(
      expect.arrayContaining(['workspace.open', 'workspace.create', 'series.query', 'snapshot.list', 'snapshot.create', 'snapshot.diff', 'observation.history']),
    );
    expect(isMethodName('series.query')).toBe(true);
    expect(isMethodName('__proto__')).toBe(false);
    expect(isMethodName('toString')).toBe(false);
  });

  it('returns validation failures as data naming the field', () => {
    const result = parseInput('snapshot.create', { label: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.message).toMatch(/^Invalid request: label:/);
      expect(result.error.messageZh).toMatch(/^请求参数无效：label:/);
    }
  });

  it('refuses unknown fields and oversized strings', () => {
    expect(parseInput('series.query', { indicator: 'x', extra: 1 }).ok).toBe(false);
    expect(parseInput('workspace.open', { path: 'x'.repeat(5000) }).ok).toBe(false);
    expect(parseInput('series.query', { snapshot: 'working' }).ok).toBe(true);
  });

  it('gives every method a one-line summary', () => {
    for (const name of methodNames) expect(contract[name].summary.length, name).toBeGreaterThan(10);
  });
});
