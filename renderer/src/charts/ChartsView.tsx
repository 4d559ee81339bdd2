import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { buildChartOption, chartTheme, defaultChartTitle } from '../../../shared/charts';
import { errorText } from '../i18n';
import { useAppStore } from '../store';
import { ChartControls } from './ChartControls';
import { copyChartPng } from './clipboard';
import { DeckPanel } from './DeckPanel';
import { EChart } from './EChart';
import { ExportDialog, type ExportFormat } from './ExportDialog';
import { SaveChartDialog } from './SaveChartDialog';
import { specOf, useChartsStore } from './chartsStore';
import './charts.css';

/** Width of an element, followed as it resizes. */
function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** Comparison charts of the workspace: pick a type, indicator, city and period; see it with its frame; export it. */
export function ChartsView() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const client = useAppStore((state) => state.client);
  const snapshot = useAppStore((state) => state.snapshot);
  const catalog = useAppStore((state) => state.catalog);
  const info = useAppStore((state) => state.info);
  const choice = useChartsStore((state) => state.choice);
  const chart = useChartsStore((state) => state.chart);
  const notice = useChartsStore((state) => state.notice);
  const choose = useChartsStore((state) => state.choose);
  const load = useChartsStore((state) => state.load);
  const loadScenarios = useChartsStore((state) => state.loadScenarios);
  const [dialog, setDialog] = useState<ExportFormat | 'save' | null>(null);
  const [areaRef, width] = useWidth<HTMLDivElement>();

  const firstIndicator = catalog?.indicators[0]?.code ?? '';
  useEffect(() => {
    if (!choice.indicator && firstIndicator) choose({ indicator: firstIndicator });
  }, [choice.indicator, firstIndicator, choose]);
  useEffect(() => {
    if (client) void loadScenarios(client);
  }, [client, loadScenarios]);

  const spec = useMemo(() => specOf(choice, language, snapshot), [choice, language, snapshot]);
  // The data's revision: an edit, an import or another workspace draws the chart again.
  const source = `${info?.path ?? ''}|${info?.workingSeq ?? ''}|${info?.observationCount ?? ''}|${info?.lastSnapshot?.seq ?? ''}`;
  useEffect(() => {
    if (client && spec) void load(client, spec, source);
  }, [client, spec, source, load]);

  // Drawn at the export's own size and scaled to fit: what the view shows is what the PNG, SVG and slide show.
  const theme = chartTheme(chart.status === 'ready' ? (chart.resolved.chrome.theme ?? 'slide') : choice.theme);
  const scale = width > 0 ? Math.min(1, width / theme.width) : 0;
  const option = useMemo(() => (chart.status === 'ready' ? buildChartOption(chart.resolved.data, chart.resolved.chrome) : null), [chart]);
  const title = chart.status === 'ready' ? chart.resolved.chrome.title || defaultChartTitle(chart.resolved.data, language) : '';
  const setNotice = useChartsStore((state) => state.setNotice);

  const copy = async () => {
    if (!option) return;
    const outcome = await copyChartPng(option, theme.width, theme.height, t('charts.copy.unsupported'));
    setNotice(outcome.ok ? { kind: 'done', text: t('charts.copy.done') } : { kind: 'failed', text: t('charts.copy.refused', { reason: outcome.reason }) });
  };
  // Ctrl+C (⌘C) copies the chart unless the user is copying text or typing in a field.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'c') return;
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"], dialog')) return;
    if ((window.getSelection()?.toString() ?? '') !== '') return;
    event.preventDefault();
    void copy();
  };

  return (
    <section className="charts-view" aria-label={t('charts.label')} data-testid="charts-view" onKeyDown={onKeyDown}>
      <ChartControls />
      <div className="chart-area" ref={areaRef}>
        {chart.status === 'loading' && <p className="notice">{t('charts.loading')}</p>}
        {chart.status === 'failed' && (
          <p className="notice notice-error" role="alert" data-testid="chart-error">
            {t('charts.failed', { message: errorText(chart.error, language) })}
          </p>
        )}
        {option && scale > 0 && (
          // Focusable, so a click on the chart and Ctrl+C copy it.
          <div className="chart-frame" tabIndex={0} title={`${t('charts.copy.button')} (Ctrl+C)`} data-testid="chart-frame" style={{ height: Math.ceil(theme.height * scale) }}>
            <div style={{ width: theme.width, transform: `scale(${scale})`, transformOrigin: 'top left' }}>
              <EChart option={option} height={theme.height} testId="chart" label={title} />
            </div>
          </div>
        )}
        {chart.status === 'ready' && chart.resolved.gaps.length > 0 && (
          <aside className="chart-gaps" aria-label={t('charts.gapsHeading')} data-testid="chart-gaps">
            {chart.resolved.gaps.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </aside>
        )}
        <div className="chart-actions" role="group" aria-label={t('charts.export.heading')}>
          {(['png', 'svg', 'pptx'] as const).map((format) => (
            <button key={format} type="button" disabled={!spec || chart.status !== 'ready'} onClick={() => setDialog(format)} data-testid={`chart-export-${format}`}>
              {t(`charts.export.${format}`)}
            </button>
          ))}
          <button type="button" disabled={!spec || chart.status !== 'ready'} onClick={() => setDialog('save')} data-testid="chart-save">
            {t('charts.save.button')}
          </button>
          <button type="button" disabled={!option} onClick={() => void copy()} title={`${t('charts.copy.button')} (Ctrl+C)`} data-testid="chart-copy">
            {t('charts.copy.button')}
          </button>
        </div>
        {notice && (
          <p className={notice.kind === 'done' ? 'notice' : 'notice notice-error'} role="status" data-testid="chart-notice">
            {notice.text}
          </p>
        )}
        <DeckPanel spec={spec} title={title} canAdd={Boolean(spec) && chart.status === 'ready'} />
      </div>
      {spec && dialog === 'save' && <SaveChartDialog spec={spec} title={title} onClose={() => setDialog(null)} />}
      {spec && dialog && dialog !== 'save' && <ExportDialog format={dialog} spec={spec} title={title} onClose={() => setDialog(null)} />}
    </section>
  );
}
