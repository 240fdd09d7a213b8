/**
 * Turns the workspace's troubles into messages: a save that failed (storage full or blocked), a map changed in
 * another tab while this one had changes of its own, and a saved map that could not be opened.
 */
import { useEffect, useRef } from 'react';
import { useServices, useWorkspaceState } from './context';
import type { Actions } from './actions';

export function StorageWatch({ actions }: { actions: Actions }) {
  const { workspace, session } = useServices();
  const { save, conflict, problem } = useWorkspaceState();
  const shown = useRef<{ save?: number; conflict?: number }>({});

  useEffect(() => {
    if (save.state === 'error' && !shown.current.save) {
      shown.current.save = session.notify({
        tone: 'error',
        text: `Your latest changes could not be saved in this browser: ${save.message}. Keep working — nothing already saved was changed — and use Save file to keep a copy of this map.`,
        action: { label: 'Save file', run: actions.saveFile },
      });
    } else if (save.state === 'saved' && shown.current.save) {
      session.dismiss(shown.current.save);
      shown.current.save = undefined;
      session.notify({ tone: 'success', text: 'Saving works again: all changes are saved.' });
    }
  }, [save, session, actions]);

  // A stored map that could not be opened, or was repaired on the way in.
  useEffect(() => {
    if (problem) session.notify({ tone: problem.tone, text: problem.text });
  }, [problem, session]);

  useEffect(() => {
    if (conflict && !shown.current.conflict) {
      shown.current.conflict = session.notify({
        tone: 'error',
        text: 'This map was changed in another tab while you were editing it here. Keep your version here, or take the other tab’s (your unsaved changes here would be lost).',
        action: {
          label: 'Keep mine',
          run: () => {
            shown.current.conflict = undefined;
            void workspace.keepMine();
          },
        },
        more: [
          {
            label: 'Take the other version',
            run: () => {
              shown.current.conflict = undefined;
              void workspace.takeTheirs();
            },
          },
        ],
      });
    }
  }, [conflict, session, workspace]);
  return null;
}
