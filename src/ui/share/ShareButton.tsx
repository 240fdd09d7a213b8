/** The toolbar's Share button, the sharing status and, on a view link, why nothing can be edited; the dialog loads on demand. */
import { Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { useServices, useSession, useStoreState, useWorkspaceState } from '../context';
import type { ShareController, ShareState } from './shareController';
import { whenIdle } from '../idle';
import { loadOnce } from '../loadOnce';
import { ShareDialog } from '../lazyParts';
import { readName } from './name';

/** No sharing yet: what the button shows before the controller has loaded. */
const NOT_SHARED: ShareState = { busy: false, people: [] };
const noSubscription = () => () => undefined;

/** The controller's code: at once on a shared link or a map marked shared, otherwise when idle or asked for. */
const loadController = loadOnce(() => import('./shareController'));

export function ShareButton() {
  const { workspace, session } = useServices();
  const { ready, shared } = useWorkspaceState();
  const { readOnly, doc } = useStoreState();
  const selection = useSession((s) => s.selection);
  const [controller, setController] = useState<ShareController>();
  const [open, setOpen] = useState(false);
  const [idle, setIdle] = useState(false);
  useEffect(() => whenIdle(() => setIdle(true), 4000), []);
  const wanted = open || idle || Object.keys(shared).length > 0 || window.location.href.includes('shared=');
  useEffect(() => {
    if (!wanted || controller) return;
    let live = true;
    void loadController().then((m) => {
      if (live) setController(new m.ShareController(workspace, () => window.location.href, readName));
    });
    return () => {
      live = false;
    };
  }, [wanted, controller, workspace]);
  const state = useSyncExternalStore(controller?.subscribe ?? noSubscription, controller?.getState ?? (() => NOT_SHARED));
  useEffect(() => controller?.setSelection(selection), [controller, selection]);
  useEffect(() => session.set({ people: state.people }), [session, state.people]);

  // A shared link opens its map once the workspace has loaded (so that loading does not replace it); after that,
  // whichever map is open follows: one marked shared opens shared again.
  const mapId = doc.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again whenever another map opens
  useEffect(() => {
    if (ready && controller) void controller.openFromPage().then(() => controller.follow());
  }, [ready, controller, mapId]);
  useEffect(() => () => controller?.close(), [controller]);

  return (
    <>
      <button type="button" onClick={() => setOpen(true)} title="Share this map with colleagues">
        Share
      </button>
      {state.statusText && (
        <span className={`am-share-status am-share-${state.status}`} role="status" aria-live="polite">
          {state.statusText}
        </span>
      )}
      {state.people.length > 0 && (
        <span className="am-people" role="group" aria-label={`Also here: ${state.people.map((p) => p.name).join(', ')}`}>
          {state.people.map((p) => (
            <span key={p.id} className="am-person" style={{ borderColor: p.colour, color: p.colour }} title={p.name}>
              {p.name.slice(0, 1).toUpperCase()}
            </span>
          ))}
        </span>
      )}
      {readOnly && <span className="am-readonly-reason">{readOnly}</span>}
      {open && controller && (
        <Suspense fallback={null}>
          <ShareDialog controller={controller} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
