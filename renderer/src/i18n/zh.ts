import { editingZh } from '../editing/messages';
import { overviewZh } from '../overview/messages';
import { projectionsZh } from '../projections/messages';
import { snapshotsZh } from '../snapshots/messages';
import { transformZh } from '../transform/messages';
import { chartsZh } from '../charts/messages';
import { importZh } from '../import/messages';
import { recentZh } from '../shell/messages';

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
    views: '视图',
  },
  views: {
    overview: '概览',
    table: '表格',
    snapshots: '快照',
    projections: '增长测算',
    charts: '图表',
    import: '导入',
  },
  workspaceMenu: {
    button: '工作区',
    new: '新建空白工作区…',
    open: '打开工作区…',
    openSample: '打开示例工作区',
    snapshot: '创建快照…',
  },
  dialog: {
    cancel: '取消',
    busy: '请稍候…',
    required: '请填写此项。',
    path: '文件路径',
    pathHelp: '浏览器版的后台就运行在这台电脑上，文件由它直接读写，不会上传。请填写本机上的完整路径，例如 D:\\对标\\2025年.sqlite 或 /home/me/对标/2025年.sqlite。',
    newTitle: '新建空白工作区',
    newIntro: '在指定位置创建一个新的空白工作区文件（.sqlite），并切换到它。当前工作区不受影响。',
    newSubmit: '创建',
    openTitle: '打开工作区',
    openIntro: '打开已有的对标工作区文件（.sqlite）。打不开时，当前工作区保持打开。',
    openSubmit: '打开',
    defaultFileName: '对标工作区-{{date}}.sqlite',
    choose: '选择…',
  },
  snapshotDialog: {
    title: '创建快照',
    intro: '把工作副本的全部数据冻结为一个命名版本，之后可以随时查看或对比。',
    label: '快照名称',
    labelHelp: '例如“2024年1-11月月报”。名称不能重复。',
    defaultLabel: '{{date}} 快照',
    note: '备注（可选）',
    submit: '创建快照',
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
    rank: '{{period}}排名',
    latestRank: '最新排名',
    rankValue_ordinal_one: '第{{count}}',
    rankValue_ordinal_two: '第{{count}}',
    rankValue_ordinal_few: '第{{count}}',
    rankValue_ordinal_other: '第{{count}}',
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
    hint: '导入统计月报后，指标数据会显示在这里；也可以从“工作区”菜单打开示例工作区看看。',
    noWorkspaceTitle: '尚未打开工作区',
    noWorkspaceHint: '请从“工作区”菜单打开或新建一个工作区文件。',
  },
  status: {
    label: '状态栏',
    workspace: '工作区：{{name}}',
    view: '视图：{{label}}',
    lastSnapshot: '最近快照：{{label}}',
    noSnapshot: '尚无快照',
    observations_one: '{{count}} 条观测值',
    observations_other: '{{count}} 条观测值',
    loading: '正在加载…',
    ready: '就绪',
    failed: '加载失败',
    viewLoadFailed: '此视图未能加载：其程序文件缺失或损坏。请重新启动对标；仍不行时请重新安装。',
  },
  editing: editingZh,
  errors: {
    title: '无法加载工作区',
    code: '错误代码：{{code}}',
    retry: '重试',
    dismiss: '关闭',
  },
  projections: projectionsZh,
  snapshots: snapshotsZh,
  overview: overviewZh,
  transform: transformZh,
  charts: chartsZh,
  importWizard: importZh,
  recent: recentZh,
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Every language provides the same keys as Chinese. */
export type Messages = Widen<typeof zh>;
