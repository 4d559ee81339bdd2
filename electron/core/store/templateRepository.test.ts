import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/tempDir';
import { Workspace } from '../workspace';
import { TemplateRepository } from './templateRepository';

let temp: ReturnType<typeof makeTempDir>;
let workspace: Workspace;

beforeEach(() => {
  temp = makeTempDir();
  workspace = Workspace.create(path.join(temp.dir, 'w.sqlite'));
});
afterEach(() => {
  workspace.close();
  temp.cleanup();
});

describe('import templates (migration 003)', () => {
  it('creates the import_template table and keeps one template per name', () => {
    const columns = workspace.db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('import_template')").all().map((column) => column.name);
    expect(columns).toEqual(['id', 'name', 'mapping', 'source_file', 'created_at', 'updated_at']);
    const templates = new TemplateRepository(workspace.db);
    templates.save({ name: '月报', mappingJson: '{"tables":[]}', sourceFile: '/a/11月.xlsx' }, '2024-12-01T00:00:00.000Z');
    const replaced = templates.save({ name: '月报', mappingJson: '{"tables":[1]}', sourceFile: '/a/12月.xlsx' }, '2025-01-01T00:00:00.000Z');
    expect(replaced).toMatchObject({ name: '月报', mappingJson: '{"tables":[1]}', sourceFile: '/a/12月.xlsx', createdAt: '2024-12-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' });
    expect(templates.list().map((template) => template.name)).toEqual(['月报']);
    expect(templates.remove('月报')).toBe(true);
    expect(templates.remove('月报')).toBe(false);
    expect(templates.byName('月报')).toBeUndefined();
  });
});
