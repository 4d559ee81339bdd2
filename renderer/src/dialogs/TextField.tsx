import { useId } from 'react';

interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly help?: string;
  readonly isInvalid?: boolean;
  /** This field takes focus when the dialog opens, its text selected or the caret at its end. */
  readonly initialFocus?: 'select' | 'end';
  readonly testId: string;
}

/** A labelled one-line text input with optional help text (read by screen readers as its description). */
export function TextField({ label, value, onChange, help, isInvalid = false, initialFocus, testId }: TextFieldProps) {
  const id = useId();
  const helpId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={isInvalid || undefined}
        aria-describedby={help ? helpId : undefined}
        data-autofocus={initialFocus}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
      />
      {help && (
        <p id={helpId} className="field-help">
          {help}
        </p>
      )}
    </div>
  );
}
