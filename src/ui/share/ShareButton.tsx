/** The toolbar's Share button, its dialog, the sharing status and, on a view link, why nothing can be edited. */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useServices, useSession, useStoreState, useWorkspaceState } from '../context';
import { ShareController } from './shareController';

export function ShareButton() {
  const { workspace, session } = useServices();
  const { ready } = useWorkspaceState();
  const { readOnly, doc } = useStoreState();
  const selection = useSession((s) => s.selection);
  const controller = useMemo(() => new ShareController(workspace, () => window.location.href, readName), [workspace]);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  const [open, setOpen] = useState(false);
  useEffect(() => controller.setSelection(selection), [controller, selection]);
  useEffect(() => session.set({ people: state.people }), [session, state.people]);

  // A shared link opens its map once the workspace has loaded (so that loading does not replace it); after that,
  // whichever map is open follows: one marked shared opens shared again.
  const mapId = doc.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again whenever another map opens
  useEffect(() => {
    if (ready) void controller.openFromPage().then(() => controller.follow());
  }, [ready, controller, mapId]);
  useEffect(() => () => controller.close(), [controller]);

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
      {open && <ShareDialog controller={controller} onClose={() => setOpen(false)} />}
    </>
  );
}

function ShareDialog({ controller, onClose }: { controller: ShareController; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="am-dialog am-share" aria-labelledby="share-title" onClose={onClose} onCancel={onClose}>
      <div className="am-dialog-head">
        <h2 id="share-title">Share this map</h2>
        <button type="button" aria-label="Close" onClick={() => dialog.current?.close()}>
          ×
        </button>
      </div>
      <div className="am-dialog-body">
        {state.links ? (
          <>
            <p>Anyone with the edit link can change this map with you; the view link only lets them look.</p>
            <LinkField label="Edit link" value={state.links.edit} />
            <LinkField label="View link" value={state.links.view} />
            <button type="button" onClick={() => controller.stop()}>
              Stop sharing
            </button>
            <p className="am-hint">Stopping keeps the map on this computer as it is now.</p>
          </>
        ) : state.status ? (
          <>
            <p>This map is shared with you.</p>
            <button type="button" onClick={() => controller.stop()}>
              Stop sharing
            </button>
          </>
        ) : (
          <>
            <p>Put this map on the sharing server and get two links: one to edit it together, one to view it.</p>
            <NameField />
            <button type="button" className="am-primary" disabled={state.busy} onClick={() => void controller.start()}>
              Start sharing
            </button>
          </>
        )}
        {state.message && (
          <p role="alert" className="am-share-message">
            {state.message}
          </p>
        )}
      </div>
    </dialog>
  );
}

const NAME_KEY = 'asset-map:name';

/** The name others see; asked once, kept in this browser. */
function readName(): string | undefined {
  try {
    return localStorage.getItem(NAME_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function NameField() {
  const [name, setName] = useState(() => readName() ?? '');
  return (
    <label className="am-share-name">
      Your name (others see it){' '}
      <input
        type="text"
        value={name}
        maxLength={60}
        onChange={(e) => {
          setName(e.target.value);
          try {
            localStorage.setItem(NAME_KEY, e.target.value);
          } catch {
            // Private windows may refuse storage: the name then lasts for this page only.
          }
        }}
      />
    </label>
  );
}

function LinkField({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="am-share-link">
      <label>
        {label} <input type="text" readOnly value={value} aria-label={label} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button
        type="button"
        aria-label={`Copy ${label.toLowerCase()}`}
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
