import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftProblem } from './draft';

interface InputFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly problem?: DraftProblem;
  readonly help?: string;
  /** Shown after the input: "亿元", "%". */
  readonly suffix?: string;
  readonly isNumeric?: boolean;
  readonly placeholder?: string;
  /** The label is read by screen readers only (a row heading already says what the field is). */
  readonly isLabelHidden?: boolean;
  readonly testId: string;
}

/** A labelled input of the scenario editor; a problem is shown under it and read as its description. */
export function InputField({ label, value, onChange, problem, help, suffix, isNumeric = true, placeholder, isLabelHidden = false, testId }: InputFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const noteId = useId();
  const note = problem ? t(`projections.errors.${problem}`) : help;
  return (
    <div className="proj-field">
      <label htmlFor={id} className={isLabelHidden ? 'proj-sr-only' : undefined}>
        {label}
      </label>
      <div className="proj-input">
        <input
          id={id}
          type="text"
          inputMode={isNumeric ? 'decimal' : 'text'}
          value={value}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby={note ? noteId : undefined}
          data-testid={testId}
          onChange={(event) => onChange(event.target.value)}
        />
        {suffix && <span className="proj-suffix">{suffix}</span>}
      </div>
      {note && (
        <p id={noteId} className={problem ? 'proj-field-error' : 'field-help'} data-testid={problem ? `${testId}-error` : undefined}>
          {note}
        </p>
      )}
    </div>
  );
}

export interface Choice {
  readonly value: string;
  readonly label: string;
  readonly isDisabled?: boolean;
}

interface SelectFieldProps {
  readonly label: string;
  readonly value: string;
  readonly choices: readonly Choice[];
  readonly onChange: (value: string) => void;
  readonly problem?: DraftProblem;
  readonly help?: string;
  readonly testId: string;
}

export function SelectField({ label, value, choices, onChange, problem, help, testId }: SelectFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const noteId = useId();
  const note = problem ? t(`projections.errors.${problem}`) : help;
  return (
    <div className="proj-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} aria-invalid={problem ? true : undefined} aria-describedby={note ? noteId : undefined} data-testid={testId} onChange={(event) => onChange(event.target.value)}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} disabled={choice.isDisabled}>
            {choice.label}
          </option>
        ))}
      </select>
      {note && (
        <p id={noteId} className={problem ? 'proj-field-error' : 'field-help'}>
          {note}
        </p>
      )}
    </div>
  );
}

interface SegmentedProps<Value extends string> {
  readonly label: string;
  readonly value: Value;
  readonly choices: readonly { value: Value; label: string }[];
  readonly onChange: (value: Value) => void;
  readonly testId: string;
}

/** A few mutually exclusive options as radio buttons in a row. */
export function Segmented<Value extends string>({ label, value, choices, onChange, testId }: SegmentedProps<Value>) {
  const name = useId();
  return (
    <div className="proj-segmented" role="radiogroup" aria-label={label} data-testid={testId}>
      {choices.map((choice) => (
        <label key={choice.value} className="proj-segment">
          <input type="radio" name={name} value={choice.value} checked={choice.value === value} data-testid={`${testId}-${choice.value}`} onChange={() => onChange(choice.value)} />
          <span>{choice.label}</span>
        </label>
      ))}
    </div>
  );
}

interface SectionProps {
  readonly title: string;
  readonly testId: string;
  readonly children: ReactNode;
}

/** A titled group of the editor. */
export function Section({ title, testId, children }: SectionProps) {
  return (
    <fieldset className="proj-section" data-testid={testId}>
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

/** A small button that fills fields with figures found in the workspace. */
export function HintButton({ label, onClick, testId }: { readonly label: string; readonly onClick: () => void; readonly testId: string }) {
  return (
    <button type="button" className="proj-hint" data-testid={testId} onClick={onClick}>
      {label}
    </button>
  );
}
