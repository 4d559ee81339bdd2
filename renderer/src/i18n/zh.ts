/** Simplified Chinese: the default language and the shape every other language follows. */
export const zh = {
  app: {
    brand: '对标',
    brandLatin: 'Yardstick',
    title: '对标 Yardstick',
  },
  toolbar: {
    switchLanguage: 'English',
    switchLanguageLabel: '切换到英文界面（Alt+L）',
    darkTheme: '深色',
    lightTheme: '浅色',
    switchThemeLabel: '切换浅色/深色主题',
    snapshot: '查看',
    workingCopy: '工作副本',
    snapshotOption: '{{label}}（快照 {{seq}}）',
    readOnly: '只读',
    readOnlyHint: '正在查看已冻结的快照，不能修改',
  },
  navigator: {
    label: '导航',
    search: '筛选指标和地区',
    searchPlaceholder: '筛选指标和地区（Ctrl+F 或 /）',
    indicators: '指标',
    regions: '地区',
    allIndicators: '全部指标',
    allRegions: '全部地区',
    noMatch: '没有匹配项',
  },
  table: {
    label: '指标数据表',
    indicator: '指标',
    region: '地区',
    latestGrowth: '最新增速',
    unit: '单位',
    growth: '{{period}}增速',
    noRows: '当前筛选条件下没有数据',
    clearFilter: '显示全部',
  },
  flags: {
    preliminary: '初步数',
    estimated: '估算数',
    revised: '已修订',
    lower_bound: '下限值（原文为“以上”）',
    as_printed: '按原文照录（原文数据自相矛盾）',
  },
  empty: {
    title: '工作区中还没有数据',
    hint: '导入统计月报，或新建示例工作区后，指标数据会显示在这里。',
    noWorkspaceTitle: '尚未打开工作区',
    noWorkspaceHint: '请打开或新建一个工作区文件。',
  },
  status: {
    label: '状态栏',
    workspace: '工作区：{{name}}',
    view: '视图：{{label}}',
    observations_one: '{{count}} 条观测值',
    observations_other: '{{count}} 条观测值',
    loading: '正在加载…',
    ready: '就绪',
    failed: '加载失败',
  },
  errors: {
    title: '无法加载工作区',
    code: '错误代码：{{code}}',
    retry: '重试',
    dismiss: '关闭',
  },
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Every language provides the same keys as Chinese. */
export type Messages = Widen<typeof zh>;
