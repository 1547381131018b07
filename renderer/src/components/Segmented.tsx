// A small segmented control (radio group) for language, unit and scope switches.
export function Segmented<V extends string>({ label, value, options, onChange, testId }: {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (v: V) => void;
  testId?: string;
}) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label} data-testid={testId}>
      <span className="control-label">{label}</span>
      {options.map((o) => (
        <button key={o.value} type="button" role="radio" aria-checked={o.value === value} className={o.value === value ? 'active' : ''} onClick={() => onChange(o.value)} data-value={o.value}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
