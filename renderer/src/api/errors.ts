import type { AppError } from '../../../shared/api/contract';

// Failures that happen before a backend could answer, worded like the backend's own errors.
export function transportError(kind: 'network' | 'badResponse' | 'noToken', detail?: string): AppError {
  switch (kind) {
    case 'network':
      return {
        code: 'TRANSPORT',
        message: `Cannot reach the Yardstick backend${detail ? ` (${detail})` : ''}. Is the browser edition still running?`,
        messageZh: `无法连接对标后台${detail ? `（${detail}）` : ''}，请确认浏览器版服务仍在运行。`,
        details: { transport: 'network' },
      };
    case 'badResponse':
      return {
        code: 'TRANSPORT',
        message: `The backend sent a response this version cannot read${detail ? `: ${detail}` : ''}.`,
        messageZh: `后台返回了无法识别的响应${detail ? `：${detail}` : ''}。`,
        details: { transport: 'badResponse' },
      };
    case 'noToken':
      return {
        code: 'UNAUTHORIZED',
        message: 'No access token. Open the full address printed by the browser edition (it ends with #token=…).',
        messageZh: '缺少访问令牌。请打开浏览器版启动时打印的完整地址（以 #token=… 结尾）。',
        details: { transport: 'noToken' },
      };
  }
}
