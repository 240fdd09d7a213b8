/**
 * When another map is opened (a new map, another from Maps, a file), what was selected, focused or being edited
 * in the last one is let go in the same moment the new map shows, not once the opening has finished saving: a
 * user who clicks or types on the new map at once keeps what they did (an asset added straight after "New map"
 * kept its selection and its typed name).
 */
import type { Workspace } from '../store';
import type { Session, SessionState } from './session';

export function letGoOnMapChange(workspace: Workspace, session: Session): () => void {
  let open = workspace.store.getDoc().id;
  return workspace.store.subscribe((state) => {
    if (state.doc.id === open) return;
    open = state.doc.id;
    const s = session.getState();
    const patch: Partial<SessionState> = {};
    if (s.selection.length) patch.selection = [];
    // A new focus (even an empty one) has every node of the map looked at again: only when there was one.
    if (s.focus.length) patch.focus = [];
    if (s.focusMode) patch.focusMode = undefined;
    if (s.editing) patch.editing = undefined;
    if (s.labelEdit) patch.labelEdit = undefined;
    if (Object.keys(patch).length) session.set(patch);
  });
}
