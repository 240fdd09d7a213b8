/** The areas a strength or weakness is about; what the user sets wins over what the words suggest. */
import { useReadOnly } from '../context';
import { AREAS, AREA_NAMES, type Area, type TraitNode } from '../../model';

export function AreaEditor({ node, onChange, suggested = [] }: { node: TraitNode; onChange: (areas: Area[] | undefined) => void; suggested?: Area[] }) {
  const current = node.areas ?? suggested;
  const readOnly = useReadOnly() !== undefined;
  return (
    <fieldset className="am-areas" disabled={readOnly}>
      <legend>Areas {node.areas ? '(set by you)' : suggested.length ? '(suggested from the words)' : ''}</legend>
      {AREAS.map((a) => (
        <label key={a} className="am-area">
          <input
            type="checkbox"
            checked={current.includes(a)}
            onChange={(e) => onChange(e.target.checked ? [...current, a] : current.filter((x) => x !== a))}
          />
          {AREA_NAMES[a]}
        </label>
      ))}
      {node.areas && (
        <button type="button" className="am-link" onClick={() => onChange(undefined)}>
          Use suggested areas
        </button>
      )}
    </fieldset>
  );
}
