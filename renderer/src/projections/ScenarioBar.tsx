import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedScenario } from '../../../shared/api/methods/projections';
import { AddToDeckDialog } from '../charts/AddToDeckDialog';
import { errorText } from '../i18n';
import { useAppStore } from '../store';
import { specToDraft, type DraftCheck } from './draft';
import { InputField } from './fields';
import { useWorkingObservations } from './hooks';
import { scenarioSlidesText, slidesShowingScenario, type ScenarioSlide } from './present';
import { displayUnitFor, findCell } from './workspaceChoices';

type Notice = { readonly tone: 'ok' | 'error'; readonly text: string } | null;

/** Saving the scenario under a name, and loading or deleting saved ones. */
export function ScenarioBar({ check }: { readonly check: DraftCheck }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const scenarios = useAppStore((state) => state.projectionScenarios);
  const saveScenario = useAppStore((state) => state.saveProjectionScenario);
  const deleteScenario = useAppStore((state) => state.deleteProjectionScenario);
  const setDraft = useAppStore((state) => state.setProjectionDraft);
  const observations = useWorkingObservations();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const [isConfirming, setConfirming] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [isAdding, setAdding] = useState(false);
  // The deck slides that show the scenario being deleted, asked for when the confirmation opens.
  const [usedIn, setUsedIn] = useState<readonly ScenarioSlide[]>([]);
  const client = useAppStore((state) => state.client);
  const list = scenarios ?? [];
  const selected = list.find((scenario) => scenario.name === chosen) ?? list[0];

  const save = async () => {
    const trimmed = name.trim();
    if (!trimmed) return setNotice({ tone: 'error', text: t('projections.scenarios.nameRequired') });
    if (!check.ok) return setNotice({ tone: 'error', text: t('projections.scenarios.fixFirst') });
    setBusy(true);
    const answer = await saveScenario(trimmed, check.spec);
    setBusy(false);
    if (!answer.ok) return setNotice({ tone: 'error', text: errorText(answer.error, language) });
    setChosen(trimmed);
    setNotice({ tone: 'ok', text: t(answer.value.created ? 'projections.scenarios.saved' : 'projections.scenarios.updated', { name: trimmed }) });
  };

  const load = (scenario: SavedScenario) => {
    const spec = scenario.spec;
    if (!spec) return setNotice({ tone: 'error', text: scenario.problem ?? t('projections.scenarios.unreadable', { name: scenario.name }) });
    const cell = spec.base.kind === 'workspace' ? findCell(observations, spec.base.indicator, spec.base.region, spec.base.period) : undefined;
    const baseUnit = cell?.unit ?? '';
    const entryUnit = cell?.value ? displayUnitFor(cell.unit, cell.value, language) : baseUnit;
    setDraft(() => specToDraft(spec, baseUnit, entryUnit));
    setName(scenario.name);
    setNotice({ tone: 'ok', text: t('projections.scenarios.loaded', { name: scenario.name }) });
  };

  const confirmDelete = async (scenario: SavedScenario) => {
    setUsedIn([]);
    setConfirming(true);
    const decks = client ? await client('deck.list', {}) : null;
    if (decks?.ok) setUsedIn(slidesShowingScenario(decks.value, scenario.name));
  };

  const remove = async (scenario: SavedScenario) => {
    setConfirming(false);
    setBusy(true);
    const error = await deleteScenario(scenario.name);
    setBusy(false);
    setNotice(error ? { tone: 'error', text: errorText(error, language) } : { tone: 'ok', text: t('projections.scenarios.deleted', { name: scenario.name }) });
  };

  return (
    <section className="proj-section proj-scenarios" aria-label={t('projections.scenarios.legend')} data-testid="projection-scenarios">
      <form
        className="proj-save"
        onSubmit={(event) => {
          event.preventDefault();
          if (!isBusy) void save();
        }}
      >
        <InputField
          label={t('projections.scenarios.name')}
          value={name}
          onChange={setName}
          isNumeric={false}
          placeholder={t('projections.scenarios.namePlaceholder')}
          testId="scenario-name"
        />
        <button type="submit" className="button button-primary" disabled={isBusy} data-testid="scenario-save">
          {t('projections.scenarios.save')}
        </button>
      </form>
      <div className="proj-saved">
        <label className="proj-sr-only" htmlFor="projection-saved-scenarios">
          {t('projections.scenarios.choose')}
        </label>
        <select
          id="projection-saved-scenarios"
          value={selected?.name ?? ''}
          disabled={list.length === 0}
          data-testid="scenario-select"
          onChange={(event) => {
            setChosen(event.target.value);
            setConfirming(false);
          }}
        >
          {list.length === 0 && <option value="">{t('projections.scenarios.none')}</option>}
          {list.map((scenario) => (
            <option key={scenario.id} value={scenario.name}>
              {scenario.spec ? scenario.name : t('projections.scenarios.unreadable', { name: scenario.name })}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={!selected || isBusy} data-testid="scenario-load" onClick={() => selected && load(selected)}>
          {t('projections.scenarios.load')}
        </button>
        <button type="button" className="button" disabled={!selected || isBusy} data-testid="scenario-delete" onClick={() => selected && void confirmDelete(selected)}>
          {t('projections.scenarios.delete')}
        </button>
        <button type="button" className="button" disabled={!selected?.spec || isBusy} data-testid="scenario-add-to-deck" onClick={() => setAdding(true)}>
          {t('charts.deck.addButton')}
        </button>
      </div>
      {isAdding && selected && (
        <AddToDeckDialog
          item={{ kind: 'scenario', scenario: selected.name, lang: language, note: null }}
          what={selected.name}
          onClose={() => setAdding(false)}
          onDone={(text) => setNotice({ tone: 'ok', text })}
        />
      )}
      {isConfirming && selected && (
        <div className="proj-confirm" role="alertdialog" aria-label={t('projections.scenarios.confirmDelete', { name: selected.name })}>
          <span>{t('projections.scenarios.confirmDelete', { name: selected.name })}</span>
          {usedIn.length > 0 && (
            <span className="proj-confirm-warning" data-testid="scenario-delete-used">
              {t('projections.scenarios.usedInDecks', { places: scenarioSlidesText(usedIn, language) })}
            </span>
          )}
          <button type="button" className="button proj-danger" data-testid="scenario-delete-confirm" onClick={() => void remove(selected)}>
            {t('projections.scenarios.confirm')}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('projections.scenarios.cancel')}
          </button>
        </div>
      )}
      <p className={notice?.tone === 'error' ? 'proj-notice proj-notice-error' : 'proj-notice'} role="status" data-testid="scenario-notice">
        {notice?.text ?? ''}
      </p>
    </section>
  );
}
