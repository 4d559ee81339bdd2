import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { ImportModel } from './page-models/ImportModel';

// The machine these run on is shared and slow; a wizard walk makes several backend round trips.
test.describe.configure({ timeout: 120_000 });

const IVA = 'industrial_value_added';
const LISHUI = '331100';
const ZHEJIANG = '330000';

/** Next month's release as a bureau sends it: a merged title, a unit row, a header, cities, a bad cell, an unknown region and a total. */
async function writeMonthlyRelease(dir: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('月报');
  sheet.addRow(['2024年各市规上工业增加值']);
  sheet.mergeCells('A1:C1');
  sheet.addRow(['单位：亿元']);
  sheet.addRow(['地区', '规上工业增加值', '同比增长(%)']);
  sheet.addRow(['杭州市', 24567.8, 6.2]);
  sheet.addRow(['丽水市', 5012.3, 9.1]);
  sheet.addRow(['衢州市', 2345.6, '7..3']);
  sheet.addRow(['丽水经开区', 120.5, 11.2]);
  sheet.addRow(['合计', 31925.7, 6.5]);
  const filePath = path.join(dir, '月报2024.xlsx');
  await book.xlsx.writeFile(filePath);
  return filePath;
}

test('imports a monthly xlsx: inspect, preview, commit as one change set, then undo it', async ({ server, workbench, page }) => {
  const filePath = await writeMonthlyRelease(server.dir);
  const wizard = new ImportModel(page);
  await workbench.open(server.launchUrl);
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');

  await page.getByTestId('view-tab-import').click();
  await wizard.readFile(filePath);
  await expect(wizard.fileInfo).toContainText('月报2024.xlsx');
  await expect(wizard.sheetGrid).toContainText('单位：亿元');
  await expect(wizard.sheetGrid.locator('tr[data-row="3"]')).toHaveClass('row-header');
  await expect(wizard.detectedUnit).toContainText('亿元');
  await expect(wizard.detectedPeriod).toContainText('2024');
  await expect(wizard.role('B')).toHaveValue('value');
  await expect(wizard.role('C')).toHaveValue('growth');
  await expect(page.getByTestId('import-new-region-331100')).toHaveCount(0);

  await wizard.previewRun.click();
  await expect(wizard.counts).toContainText('新增 2 · 修改 2');
  await expect(wizard.previewRow(LISHUI)).toContainText('修改');
  await expect(wizard.previewRow(LISHUI)).toContainText('4717.8亿元 → 5012.3亿元');
  // The 合计 row is stored for the province, the parent of the table's cities.
  await expect(wizard.previewRow(ZHEJIANG)).toContainText('月报!B8');
  await expect(wizard.rejected).toContainText('月报!C6');
  await expect(wizard.rejected).toContainText('“7..3”不是数字');
  await expect(wizard.rejected).toContainText('月报!A7');
  await expect(wizard.rejected).toContainText('丽水经开区');
  await workbench.screenshot('import-preview-zh-light');

  await wizard.commit.click();
  await expect(wizard.committed).toContainText('已导入 月报2024.xlsx：新增 2，修改 2');
  await wizard.templateName.fill('月报模板');
  await wizard.templateSave.click();
  await expect(wizard.notice).toContainText('已保存模板“月报模板”');
  await expect(wizard.templateSelect).toHaveValue('月报模板');

  await page.getByTestId('view-tab-table').click();
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('5012.3');

  await page.getByTestId('view-tab-import').click();
  await wizard.undo.click();
  await expect(wizard.notice).toContainText('已撤销此次导入');
  await page.getByTestId('view-tab-table').click();
  await expect(workbench.table.value(IVA, LISHUI, '2024')).toHaveText('4717.8');
});

test('shows the preview in English and dark, and a file that is not a spreadsheet gives a clear error', async ({ server, workbench, page }) => {
  const filePath = await writeMonthlyRelease(server.dir);
  const broken = path.join(server.dir, 'broken.xlsx');
  await writeFile(broken, Buffer.from('PK\u0003\u0004 this zip stops here'));
  const wizard = new ImportModel(page);
  await workbench.open(server.launchUrl, 'import');
  await workbench.languageSwitch.click();
  await workbench.themeSwitch.click();

  await wizard.readFile(broken);
  await expect(wizard.error).toBeVisible();
  await expect(wizard.error).not.toContainText('INTERNAL');
  await workbench.screenshot('import-error-en-dark');

  await wizard.readFile(filePath);
  await expect(wizard.error).toHaveCount(0);
  await wizard.previewRun.click();
  await expect(wizard.counts).toContainText('2 new · 2 changed');
  // Confirming the unknown 丽水经开区 as a new region brings its row in on the next preview.
  await page.getByTestId('import-proposals').getByRole('checkbox').check();
  await wizard.previewRun.click();
  await expect(wizard.counts).toContainText('3 new · 2 changed');
  await expect(wizard.rejected).not.toContainText('月报!A7');
  await expect(wizard.previewRow(LISHUI)).toContainText('Changed');
  await expect(wizard.rejected).toContainText('"7..3" is not a number.');
  await workbench.screenshot('import-preview-en-dark');
});
