import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/api/contract';
import type { ChartSpecInput } from '../../../shared/charts/spec';
import { Modal } from '../dialogs/Modal';
import { TextField } from '../dialogs/TextField';
import { errorText } from '../i18n';
import { useAppStore } from '../store';
import { useChartsStore } from './chartsStore';

/** Saves the chart's settings in the workspace under a name (for decks and `yardstick chart --name`). */
export function SaveChartDialog({
  spec,
  title,
  onClose,
  onSaved,
}: {
  readonly spec: ChartSpecInput;
  readonly title: string;
  readonly onClose: () => void;
  /** Called with the name once saved (to add the chart to a deck next). */
  readonly onSaved?: (name: string) => void;
}) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const client = useAppStore((state) => state.client);
  const saveChart = useChartsStore((state) => state.saveChart);
  const setNotice = useChartsStore((state) => state.setNotice);
  const [name, setName] = useState(title);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const onSubmit = async () => {
    if (!name.trim() || !client) return;
    setBusy(true);
    const failure = await saveChart(client, name.trim(), spec);
    setBusy(false);
    if (failure) return setError(failure);
    setNotice({ kind: 'done', text: t('charts.save.done', { name: name.trim() }) });
    onSaved?.(name.trim());
    onClose();
  };
  return (
    <Modal
      title={t('charts.save.title')}
      intro={t('charts.save.intro')}
      submitLabel={t('charts.save.submit')}
      isBusy={isBusy}
      error={error && errorText(error, language)}
      onSubmit={() => void onSubmit()}
      onClose={onClose}
      testId="chart-save-dialog"
    >
      <TextField label={t('charts.save.name')} value={name} onChange={setName} initialFocus="select" testId="chart-save-name" />
    </Modal>
  );
}
