/** The time window a report covers, as a row of toggle buttons (the pressed one is the window shown). */
export function WindowPicker<W extends string>({
  options,
  value,
  onChange,
}: {
  options: ReadonlyArray<{ window: W; label: string }>;
  value: W;
  onChange: (window: W) => void;
}) {
  return (
    <div role="group" aria-label="Window" className="segmented">
      {options.map((option) => (
        <button
          key={option.window}
          type="button"
          aria-pressed={value === option.window}
          onClick={() => onChange(option.window)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
