import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartSpecInput } from '../../../shared/charts/spec';
import { Modal } from '../dialogs/Modal';
import { SavePathField } from '../dialogs/SavePathField';
import { useSubmission } from '../dialogs/useSubmission';
import { errorText } from '../i18n';
import { safeFileName, suggestPath } from '../shell/suggestions';
import { useAppStore } from '../store';
import { useChartsStore } from './chartsStore';

export type ExportFormat = 'png' | 'svg' | 'pptx';

interface ExportDialogProps {
  readonly format: ExportFormat;
  readonly spec: ChartSpecInput;
  readonly title: string;
  readonly onClose: () => void;
}

/** Where to write the export: a path on this computer (the backend writes the file), PNG scale, watermark. */
export function ExportDialog({ format, spec, title, onClose }: ExportDialogProps) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const client = useAppStore((state) => state.client);
  const exportChart = useChartsStore((state) => state.exportChart);
  const setNotice = useChartsStore((state) => state.setNotice);
  const [path, setPath] = useState(() => suggestPath(useAppStore.getState().info?.path, t('charts.export.defaultName', { title: safeFileName(title), ext: format })));
  const [scale, setScale] = useState<2 | 3>(2);
  const [watermark, setWatermark] = useState(false);
  const [isMissing, setMissing] = useState(false);
  const { isBusy, error, submit } = useSubmission(onClose);

  const onSubmit = () => {
    const trimmed = path.trim();
    setMissing(trimmed === '');
    if (!trimmed || !client) return;
    void submit(async () => {
      const result = await exportChart(client, { spec, format, path: trimmed, scale, watermark });
      if ('code' in result) return result;
      setNotice({ kind: 'done', text: t('charts.export.done', { path: result.path }) });
      return null;
    });
  };

  return (
    <Modal
      title={t('charts.export.title', { format: format.toUpperCase() })}
      intro={t('charts.export.intro')}
      submitLabel={t('charts.export.submit')}
      isBusy={isBusy}
      error={isMissing ? t('dialog.required') : error && errorText(error, language)}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="chart-export-dialog"
    >
      <SavePathField format={format} value={path} onChange={setPath} isInvalid={isMissing} testId="chart-export-path" />
      {format === 'png' && (
        <fieldset className="chart-export-options">
          <legend>{t('charts.export.scale')}</legend>
          {([2, 3] as const).map((value) => (
            <label key={value}>
              <input type="radio" name="scale" checked={scale === value} onChange={() => setScale(value)} /> {t(value === 2 ? 'charts.export.scale2' : 'charts.export.scale3')}
            </label>
          ))}
        </fieldset>
      )}
      {format === 'pptx' && (
        <label className="chart-export-options">
          <input type="checkbox" checked={watermark} onChange={(event) => setWatermark(event.target.checked)} data-testid="chart-export-watermark" /> {t('charts.export.watermark')}
        </label>
      )}
    </Modal>
  );
}
