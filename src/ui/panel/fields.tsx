/**
 * Form fields that write to the document as the user types. Consecutive keystrokes in one field make one undo
 * step (the store coalesces them by key); leaving the field seals the step.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useReadOnly, useServices } from '../context';
import { DOCUMENT_FIELD } from '../fieldUndo';

export function TextField({
  label,
  value,
  onChange,
  multiline,
  coalesceKey,
  placeholder,
  rows = 2,
  autoFocus,
}: {
  label: string;
  value: string;
  onChange: (v: string, coalesce: string) => void;
  multiline?: boolean;
  coalesceKey: string;
  placeholder?: string;
  rows?: number;
  /** Put the cursor here, with the text selected, when the field appears. */
  autoFocus?: boolean;
}) {
  const { workspace } = useServices();
  const readOnly = useReadOnly() !== undefined;
  const id = useId();
  const [local, setLocal] = useState(value);
  const field = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  useEffect(() => setLocal(value), [value]);
  const props = {
    id,
    value: local,
    dir: 'auto' as const,
    placeholder,
    readOnly,
    ...DOCUMENT_FIELD,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      setLocal(e.target.value);
      onChange(e.target.value, coalesceKey);
    },
    onBlur: () => workspace.store.seal(),
    ref: (el: HTMLInputElement | HTMLTextAreaElement | null) => {
      field.current = el;
    },
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the field first appears
  useEffect(() => {
    if (autoFocus) {
      field.current?.focus();
      field.current?.select();
    }
  }, []);
  return (
    <div className="am-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={rows} {...props} /> : <input type="text" {...props} />}
    </div>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T | '';
  options: { value: T | ''; label: string }[];
  onChange: (v: T | '') => void;
}) {
  const id = useId();
  const readOnly = useReadOnly() !== undefined;
  return (
    <div className="am-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} disabled={readOnly} value={value} onChange={(e) => onChange(e.target.value as T | '')}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
