/**
 * A small dialog that asks for one name (Save as review…, Save view…): the suggested name chosen whole, so that
 * typing replaces it; Enter saves, Escape or Cancel leaves; the focus goes back to what opened it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useReturnFocus } from './useReturnFocus';

export function NameDialog({
  title,
  intro,
  fieldLabel,
  submitLabel,
  initialName,
  onSave,
  onClose,
}: {
  title: string;
  intro: string;
  fieldLabel: string;
  submitLabel: string;
  initialName: () => string;
  /** Called with the name trimmed, never empty; the dialog closes first. */
  onSave: (name: string) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const [name, setName] = useState(initialName);
  useReturnFocus();
  useEffect(() => {
    dialog.current?.showModal();
    field.current?.focus();
    field.current?.select();
  }, []);
  return (
    <dialog ref={dialog} className="am-dialog am-small-dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <div className="am-dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="am-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <form
        className="am-dialog-body am-form"
        onSubmit={(e) => {
          e.preventDefault();
          const clean = name.trim();
          if (!clean) return;
          onClose();
          onSave(clean);
        }}
      >
        <p className="am-muted">{intro}</p>
        <label className="am-field">
          <span>{fieldLabel}</span>
          <input ref={field} value={name} dir="auto" maxLength={200} required onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="am-dialog-foot">
          <button type="submit" className="am-primary">
            {submitLabel}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
