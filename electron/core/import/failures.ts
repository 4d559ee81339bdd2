import { AppFailure } from '../../../shared/api/errors';
import { formatBytes, type ReadLimits } from './limits';

/** The expected ways a file cannot be read, each with a message a user can act on. */
export const importFailures = {
  tooLarge(fileName: string, what: string, whatZh: string, details: Record<string, unknown>): AppFailure {
    return new AppFailure(
      'IMPORT_TOO_LARGE',
      `${fileName} is too large to import: ${what}. Split it into smaller files or remove unused sheets; nothing was imported.`,
      `${fileName} 过大，无法导入：${whatZh}。请拆分为较小的文件或删除不用的工作表；未导入任何数据。`,
      { file: fileName, ...details },
    );
  },
  fileTooLarge(fileName: string, size: number, limits: ReadLimits): AppFailure {
    return importFailures.tooLarge(fileName, `${formatBytes(size)}, the limit is ${formatBytes(limits.maxFileBytes)}`, `${formatBytes(size)}，上限为 ${formatBytes(limits.maxFileBytes)}`, {
      size,
      limit: limits.maxFileBytes,
    });
  },
  encrypted(fileName: string): AppFailure {
    return new AppFailure(
      'IMPORT_ENCRYPTED',
      `${fileName} is password-protected. Open it in Excel or WPS, remove the password (File › Info › Protect Workbook), save, and import again; nothing was imported.`,
      `${fileName} 设有密码保护。请在 Excel 或 WPS 中打开，取消密码（文件 › 信息 › 保护工作簿）后保存，再重新导入；未导入任何数据。`,
      { file: fileName },
    );
  },
  unreadable(fileName: string, why: string, whyZh: string, details: Record<string, unknown> = {}): AppFailure {
    return new AppFailure(
      'IMPORT_UNREADABLE',
      `${fileName} cannot be read: ${why} Open it in Excel or WPS and save it again as .xlsx, or export it as csv; nothing was imported.`,
      `无法读取 ${fileName}：${whyZh}请在 Excel 或 WPS 中打开并另存为 .xlsx，或导出为 csv；未导入任何数据。`,
      { file: fileName, ...details },
    );
  },
  empty(fileName: string, why: string, whyZh: string, details: Record<string, unknown> = {}): AppFailure {
    return new AppFailure(
      'IMPORT_EMPTY',
      `${fileName} holds no table of figures to import: ${why}`,
      `${fileName} 中没有可导入的数据表：${whyZh}`,
      { file: fileName, ...details },
    );
  },
  cancelled(fileName: string): AppFailure {
    return new AppFailure('IMPORT_CANCELLED', `Import of ${fileName} was cancelled; nothing was imported.`, `已取消导入 ${fileName}；未导入任何数据。`, { file: fileName });
  },
};
