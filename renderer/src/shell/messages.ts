/** Strings of the Workspace menu's recent list, in zh-CN; mounted as `recent` in i18n/zh.ts. */
export const recentZh = {
  heading: '最近打开',
  none: '没有最近打开的工作区',
  notFound: '未找到',
  current: '当前',
  open: '打开 {{path}}',
  missing: '{{path}} 已不存在（被移动、删除或所在磁盘未连接）',
  remove: '移除',
  removeLabel: '从最近列表中移除 {{name}}',
  clear: '清除最近列表',
} as const;

export const recentEn: Widen<typeof recentZh> = {
  heading: 'Recent',
  none: 'No recent workspaces',
  notFound: 'not found',
  current: 'open',
  open: 'Open {{path}}',
  missing: '{{path}} is gone (moved, deleted, or on a drive that is not connected)',
  remove: 'Remove',
  removeLabel: 'Remove {{name}} from the recent list',
  clear: 'Clear recent list',
};

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
