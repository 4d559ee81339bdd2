interface RowNumberFieldProps {
  readonly label: string;
  readonly value: number;
  readonly min?: number;
  readonly max?: number;
  readonly onChange: (value: number) => void;
  readonly testId: string;
}

/** A 1-based sheet row number; a value outside [min, max] is not taken. */
export function RowNumberField({ label, value, min = 1, max, onChange, testId }: RowNumberFieldProps) {
  return (
    <label className="import-inline-field">
      <span>{label}</span>
      <input
        type="number"
        className="import-row-number"
        value={value}
        min={min}
        max={max}
        onChange={(event) => {
          const next = Number(event.target.value);
          if (Number.isInteger(next) && next >= min && (max === undefined || next <= max)) onChange(next);
        }}
        data-testid={testId}
      />
    </label>
  );
}
