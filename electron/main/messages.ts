// Texts main shows itself (the about box, a startup failure), in both languages.
import type { MenuLanguage } from './menuTemplate';

export interface Versions {
  readonly app: string;
  readonly electron: string | undefined;
  readonly chrome: string | undefined;
  readonly node: string;
}

export function aboutText(language: MenuLanguage, versions: Versions): { title: string; message: string; detail: string } {
  const runtime = `Electron ${versions.electron ?? '?'} · Chromium ${versions.chrome ?? '?'} · Node ${versions.node}`;
  return language === 'zh-CN'
    ? { title: '关于 对标', message: '对标 Yardstick', detail: `版本 ${versions.app}\n工业指标对标、快照与测算工作台（离线）\n${runtime}` }
    : { title: 'About Yardstick', message: 'Yardstick (对标)', detail: `Version ${versions.app}\nAn offline workbench for industrial indicators, snapshots and projections\n${runtime}` };
}

/** Shown when the workspace named at startup could not be opened. */
export function startupFailureText(
  language: MenuLanguage,
  failure: { path: string | undefined; message: string; messageZh: string },
  openedSample: boolean,
): { title: string; message: string; detail: string } {
  const target = failure.path ?? (language === 'zh-CN' ? '示例工作区' : 'the sample workspace');
  if (language === 'zh-CN') {
    return {
      title: '无法打开工作区',
      message: `无法打开 ${target}`,
      detail: `${failure.messageZh}${openedSample ? '\n已改为打开示例工作区。' : '\n请从“文件”菜单打开或新建工作区。'}`,
    };
  }
  return {
    title: 'Could not open the workspace',
    message: `Could not open ${target}`,
    detail: `${failure.message}${openedSample ? '\nThe sample workspace was opened instead.' : '\nOpen or create a workspace from the File menu.'}`,
  };
}
