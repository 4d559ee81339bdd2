import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartSpecInput } from '../../../shared/charts/spec';
import { Modal } from '../dialogs/Modal';
import { useSubmission } from '../dialogs/useSubmission';
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
  const { isBusy, error, submit } = useSubmission(onClose);
  const onSubmit = () => {
    const trimmed = name.trim();
    if (!trimmed || !client) return;
    void submit(async () => {
      const failure = await saveChart(client, trimmed, spec);
      if (failure) return failure;
      setNotice({ kind: 'done', text: t('charts.save.done', { name: trimmed }) });
      onSaved?.(trimmed);
      return null;
    });
  };
  return (
    <Modal
      title={t('charts.save.title')}
      intro={t('charts.save.intro')}
      submitLabel={t('charts.save.submit')}
      isBusy={isBusy}
      error={error && errorText(error, language)}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="chart-save-dialog"
    >
      <TextField label={t('charts.save.name')} value={name} onChange={setName} initialFocus="select" testId="chart-save-name" />
    </Modal>
  );
}
