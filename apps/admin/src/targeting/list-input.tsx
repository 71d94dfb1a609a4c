import { useEffect, useState, type InputHTMLAttributes, type ReactNode } from 'react';

interface ListInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  values: ReadonlyArray<string | number | boolean>;
  parse: (text: string) => Array<string | number | boolean>;
  format: (values: ReadonlyArray<string | number | boolean>) => string;
  onValues: (values: Array<string | number | boolean>) => void;
}

/** A text input for a comma-separated list that keeps what the person typed (trailing commas included). */
export function ListInput({ values, parse, format, onValues, ...rest }: ListInputProps): ReactNode {
  const [text, setText] = useState(() => format(values));

  useEffect(() => {
    if (JSON.stringify(parse(text)) !== JSON.stringify(values)) setText(format(values));
    // Only an outside change of `values` should rewrite the text.
  }, [JSON.stringify(values)]);

  return (
    <input
      {...rest}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onValues(parse(event.target.value));
      }}
    />
  );
}
