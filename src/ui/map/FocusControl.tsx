/**
 * The Focus control: show in full only what lies within 1, 2 or 3 steps of the selection (the rest faded);
 * it follows the selection while on, and Off or Escape leaves it. What is within reach is decided by the model
 * (getNeighbourhood); the map fades the rest.
 */
import { useId } from 'react';
import { useServices, useSession, useStoreState } from '../context';

export function FocusControl() {
  const { session } = useServices();
  const { doc } = useStoreState();
  const focusMode = useSession((s) => s.focusMode);
  const id = useId();
  const around = focusMode?.ids.map((i) => doc.nodes[i]?.label ?? (doc.edges[i] ? 'a connection' : undefined)).filter((l) => l !== undefined) ?? [];
  const choose = (value: string) => {
    const steps = Number(value);
    if (steps !== 1 && steps !== 2 && steps !== 3) {
      session.set({ focusMode: undefined });
      return;
    }
    const ids = focusMode?.ids.length ? focusMode.ids : session.getState().selection;
    if (!ids.length) {
      session.notify({ tone: 'info', text: 'Select an asset (or several) first: Focus shows what lies within some steps of them.' });
      return;
    }
    session.set({ focusMode: { ids, steps } });
  };
  return (
    <span className="am-focus">
      <label htmlFor={id}>Focus</label>
      <select id={id} value={focusMode?.steps ?? 0} onChange={(e) => choose(e.target.value)}>
        <option value={0}>Off</option>
        <option value={1}>Within 1 step</option>
        <option value={2}>Within 2 steps</option>
        <option value={3}>Within 3 steps</option>
      </select>
      {focusMode && (
        <span className="am-legend-note" role="status">
          around {around.length === 1 ? `“${around[0]!.slice(0, 40)}”` : `${around.length} items`}; Escape leaves
        </span>
      )}
    </span>
  );
}
