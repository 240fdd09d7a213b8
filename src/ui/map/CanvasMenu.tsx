/**
 * The map's context menu, wired: what each item of canvasMenu.ts does, with the app's own actions and commands
 * (one undo step each), and where the focus goes when the menu closes.
 */
import { useMemo } from 'react';
import type { Point } from '../../model';
import { useReadOnly, useServices, useStoreState } from '../context';
import { whenShown } from '../whenShown';
import type { Actions } from '../actions';
import { arrange } from '../panel/SelectionFields';
import { askNewGroupName } from '../panel/GroupFields';
import { frameId } from './groupFrames';
import { type MenuHandlers, type MenuTarget, buildMenu } from './canvasMenu';
import { type CloseReason, ContextMenu } from './ContextMenu';

export interface MenuRequest {
  target: MenuTarget;
  /** Where on the screen it opens. */
  at: { x: number; y: number };
  /** That point on the map, where "Add asset here" and "Paste" put things. */
  point: Point;
  /** What had the focus, to give it back. */
  returnTo: HTMLElement | null;
}

export function CanvasMenu({ request, actions, onClose }: { request: MenuRequest; actions: Actions; onClose: () => void }) {
  const { workspace, session } = useServices();
  const { doc } = useStoreState();
  const readOnly = useReadOnly() !== undefined;
  const store = workspace.store;

  const handlers = useMemo<MenuHandlers>(() => {
    /** A node just added from the menu: its name is edited on the map, where the menu was. */
    const editNew = (id: string | undefined) => {
      if (id) session.set({ editing: undefined, labelEdit: id });
    };
    return {
      editLabel: (id) => {
        session.select([id]);
        session.set({ labelEdit: id });
      },
      addItem: (kind, attachedTo) => editNew(actions.addItem(kind, attachedTo)),
      connectFrom: (id) => {
        session.select([id]);
        whenShown(
          () => document.querySelector<HTMLElement>('.am-panel .am-connect select'),
          (el) => {
            el.scrollIntoView({ block: 'nearest' });
            el.focus();
          },
        );
      },
      setKind: (ids, kind) => {
        if (ids.length === 1) store.dispatch('updateNode', { id: ids[0]!, patch: { kind } });
        else store.dispatch('updateNodes', { ids, patch: { kind } });
      },
      duplicate: (ids) => actions.duplicate(ids),
      remove: (ids) => {
        session.select(ids);
        actions.deleteSelection();
        // What had the focus is gone with it: the map keeps it.
        requestAnimationFrame(() => {
          if (!document.activeElement || document.activeElement === document.body) document.querySelector<HTMLElement>('.am-canvas')?.focus({ preventScroll: true });
        });
      },
      setTie: (id, tie) => store.dispatch('updateEdge', { id, patch: { tie } }),
      arrange: (ids, how) => {
        const d = store.getDoc();
        store.dispatch('moveNodes', { positions: arrange(ids.map((id) => d.nodes[id]!).filter(Boolean), how) });
      },
      addAssetHere: (kind) => editNew(actions.addAsset(kind, undefined, request.point)),
      paste: () => actions.pasteCopied(request.point),
      autoLayout: () => void actions.autoLayout(),
      fitView: () => session.fit(),
      setGroup: (ids, group) => {
        if (group) store.dispatch('groupAssets', { ids, group });
        else store.dispatch('ungroupAssets', { ids });
      },
      newGroup: (ids) => {
        session.select(ids);
        askNewGroupName();
        whenShown(
          () => document.querySelector<HTMLElement>('.am-panel .am-group-new input'),
          (el) => {
            el.scrollIntoView({ block: 'nearest' });
            el.focus();
          },
        );
      },
      collapseGroup: (group, collapsed) => store.dispatch('setGroupCollapsed', { id: group, collapsed }),
      renameGroup: (group) => {
        session.select([frameId(group)]);
        whenShown(
          () => document.querySelector<HTMLInputElement>('.am-panel .am-field input'),
          (el) => {
            el.focus();
            el.select();
          },
        );
      },
      ungroup: (group) => store.dispatch('deleteGroup', { id: group }),
      focus: (ids, steps) => {
        session.select(ids);
        session.set({ focusMode: { ids, steps } });
      },
    };
  }, [actions, request.point, session, store]);

  const model = useMemo(
    () => buildMenu(doc, request.target, handlers, { readOnly, canPaste: actions.hasCopied() }),
    [doc, request.target, handlers, readOnly, actions],
  );

  const close = (why: CloseReason) => {
    onClose();
    if (why === 'outside') return;
    // Back where it was (a chosen action may then move it on: to a name being edited, a new field).
    const back = request.returnTo?.isConnected ? request.returnTo : document.querySelector<HTMLElement>('.am-canvas');
    back?.focus({ preventScroll: true });
  };

  if (!model) return null;
  return <ContextMenu model={model} at={request.at} onClose={close} />;
}
