import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { convert, findUnit, unitLabel } from '../../../shared/units';
import type { Move, SheetController } from './sheet';
import { flagChoices, isNumericField, parseForTarget, plainNumber } from './targets';
import type { EditTarget } from './targets';

/** The text the editor starts with: the key typed to start it replaces the content, F2 and Enter keep it. */
function initialText(eventKey: string | null | undefined, current: string): string {
  if (eventKey === 'Backspace' || eventKey === 'Delete') return '';
  if (eventKey && eventKey.length === 1) return eventKey;
  return current;
}

function moveOf(event: KeyboardEvent): Move | null {
  if (event.key === 'Enter') return event.shiftKey ? 'up' : 'down';
  if (event.key === 'Tab') return event.shiftKey ? 'left' : 'right';
  return null;
}

function useHint(target: EditTarget, language: 'zh' | 'en'): string {
  const { t } = useTranslation();
  if (target.field === 'growthReportedPct') return t('editing.editor.hintPercent');
  if (target.field === 'rankReported') return t('editing.editor.hintRank');
  if (target.field === 'flags') return t('editing.editor.hintFlags', { choices: flagChoices(language) });
  if (target.field === 'note' || target.field === 'source') return t('editing.editor.hintText');
  const dimension = findUnit(target.storedUnit)?.dimension;
  if (dimension === 'rate') return t('editing.editor.hintPercent');
  if (dimension === 'rate_difference') return t('editing.editor.hintPoints');
  return t('editing.editor.hintNumber', { unit: unitLabel(target.displayUnit, language) });
}

/** What the typed text will be saved as, in the column's unit, or why it will not. */
function usePreview(target: EditTarget, text: string, language: 'zh' | 'en'): { isError: boolean; text: string } | null {
  const { t } = useTranslation();
  if (!isNumericField(target.field) || text.trim() === '' || text === target.text) {
    return text.trim() === '' && target.text !== '' ? { isError: false, text: t('editing.editor.clears') } : null;
  }
  const parsed = parseForTarget(text, target);
  if (!parsed.ok) return { isError: true, text: language === 'zh' ? parsed.zh : parsed.en };
  const stored = parsed.edit[target.field];
  if (typeof stored !== 'number') return null;
  // Shown in the unit the column shows, which is what the reader thinks in (4717.8亿元, not 471.78 billion).
  const shown = target.field === 'value' ? convert(stored, target.storedUnit, target.displayUnit) : null;
  const value = shown?.ok ? shown.value : stored;
  const unit = target.field === 'value' ? unitLabel(shown?.ok ? target.displayUnit : target.storedUnit, language) : target.field === 'growthReportedPct' ? '%' : '';
  const separator = language === 'en' && unit !== '%' && unit !== '' ? ' ' : '';
  return { isError: false, text: t('editing.editor.preview', { value: `${plainNumber(value)}${separator}${unit}` }) };
}

interface CellEditorProps {
  readonly params: ICellEditorParams;
  /** What the grid saves if it closes the editor itself (a click elsewhere). */
  readonly onValueChange: (value: string) => void;
  /** True once our own save has run: the grid's closing is then not a second commit. */
  readonly isCommitting: { current: boolean };
}

/**
 * The cell editor: a text field with the input rule under it and a live reading of what will be
 * saved. Enter and Tab save through the workspace and close the editor only once the change is on
 * disk; a refused input keeps the editor open with the reason.
 */
export function CellEditor({ params, onValueChange, isCommitting }: CellEditorProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh';
  const context = params.context as SheetController<unknown>;
  const colId = params.column.getColId();
  const target = context.adapter.targetOf(params.data, colId)!;
  const [text, setText] = useState(() => initialText(params.eventKey, target.text));
  const [refusal, setRefusal] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const { rowIndex } = params;

  useEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    const typed = context.takeTypeAhead();
    if (typed) {
      input.value += typed;
      setText(input.value);
    }
    onValueChange(input.value);
    input.focus();
    if (params.eventKey && params.eventKey.length === 1) input.setSelectionRange(input.value.length, input.value.length);
    else input.select();
    // A native listener: it runs before the grid's own key handling on the popup.
    const onKeyDown = (event: KeyboardEvent) => {
      const move = moveOf(event);
      if (!move) return;
      event.preventDefault();
      event.stopPropagation();
      if (isCommitting.current) return;
      isCommitting.current = true;
      setIsSaving(true);
      void context.commitEditor(target, input.value).then((outcome) => {
        if (outcome.kind === 'refused') {
          isCommitting.current = false;
          setIsSaving(false);
          setRefusal(language === 'zh' ? outcome.zh : outcome.en);
          return;
        }
        context.finishEditor(rowIndex, colId, outcome.kind === 'failed' ? 'none' : move);
      });
    };
    input.addEventListener('keydown', onKeyDown);
    return () => input.removeEventListener('keydown', onKeyDown);
    // The editor lives for one edit of one cell: these do not change while it is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const hint = useHint(target, language);
  const preview = usePreview(target, text, language);
  const width = Math.max(params.eGridCell?.offsetWidth ?? 0, 220);
  return (
    <div className="cell-editor" style={{ width }} data-testid="cell-editor">
      <input
        ref={inputRef}
        className="cell-editor-input"
        value={text}
        readOnly={isSaving}
        aria-label={t('editing.editor.label', { row: target.rowLabel, column: target.columnLabel })}
        aria-invalid={refusal !== null || preview?.isError === true}
        aria-describedby="cell-editor-hint"
        onChange={(event) => {
          setText(event.target.value);
          setRefusal(null);
          onValueChange(event.target.value);
        }}
      />
      <div className="cell-editor-hint" id="cell-editor-hint" data-testid="cell-editor-hint">
        {isSaving ? (
          <p className="cell-editor-status">{t('editing.editor.saving')}</p>
        ) : (
          (refusal ?? preview) && (
            <p className={refusal || preview?.isError ? 'cell-editor-error' : 'cell-editor-status'} role={refusal ? 'alert' : undefined}>
              {refusal ?? preview?.text}
            </p>
          )
        )}
        <p>{hint}</p>
        <p className="cell-editor-keys">{t('editing.editor.keys')}</p>
      </div>
    </div>
  );
}

/**
 * The grid's side of the editor: the grid draws its cells without React (see VanillaGrid), so the
 * editor is a plain component that mounts CellEditor in its own element.
 */
export class CellEditorComp implements ICellEditorComp {
  private readonly gui = document.createElement('div');
  private root: Root | null = null;
  private value: string | null = null;
  private readonly isCommitting = { current: false };

  init(params: ICellEditorParams): void {
    this.value = params.value === null || params.value === undefined ? null : String(params.value);
    this.root = createRoot(this.gui);
    this.root.render(<CellEditor params={params} onValueChange={(value) => (this.value = value)} isCommitting={this.isCommitting} />);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  getValue(): string | null {
    return this.value;
  }

  isCancelAfterEnd(): boolean {
    return this.isCommitting.current;
  }

  destroy(): void {
    const root = this.root;
    this.root = null;
    // The grid may close its editor while React is committing (a table that goes away): unmount after it.
    if (root) queueMicrotask(() => root.unmount());
  }
}
