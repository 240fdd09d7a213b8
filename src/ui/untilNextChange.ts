/**
 * A notice that offers to take something back stays until the user dismisses it or does something else: the
 * next change to the open document (an edit, an undo, another map opened) ends the offer.
 */
import type { DocStore } from '../store';
import type { Notice, Session } from './session';

export function notifyUntilNextChange(session: Session, store: Pick<DocStore, 'subscribe'>, notice: Omit<Notice, 'id'>): number {
  const id = session.notify(notice, 0);
  const stop = store.subscribe(() => {
    stop();
    session.dismiss(id);
  });
  return id;
}
