/** The Maps list: create (blank or from an example), open, rename, duplicate and delete maps. */
import { useEffect, useRef, useState } from 'react';
import { type AssetMapDoc } from '../model';
import { EXAMPLES } from '../model/moreExamples';
import type { VersionSummary } from '../store';
import { useReturnFocus } from './useReturnFocus';
import { useReadOnly, useServices, useStoreState, useWorkspaceState } from './context';
import { exportReview, reviewDate } from './compare/ReviewDialogs';
import { notifyUntilNextChange } from './untilNextChange';

export function MapsDialog() {
  const { workspace, session } = useServices();
  const { maps, shared } = useWorkspaceState();
  const { doc } = useStoreState();
  const dialog = useRef<HTMLDialogElement>(null);
  const [template, setTemplate] = useState('blank');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [name, setName] = useState('');
  // The last map deleted while the dialog is open: its Restore is offered here, where it can be clicked, until
  // the user restores it, dismisses the offer or does something else.
  const [deleted, setDeleted] = useState<{ title: string; doc: AssetMapDoc } | null>(null);
  const pending = useRef(deleted);
  pending.current = deleted;

  useReturnFocus();
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  /** After an action of the dialog (open, new map): the offer to restore ends with it. */
  const close = () => session.set({ mapsOpen: false });
  /** Closed by the user: the offer goes with them, below the map, until it is taken up or something changes. */
  const dismissDialog = () => {
    const offer = pending.current;
    pending.current = null;
    if (offer) {
      notifyUntilNextChange(session, workspace.store, {
        tone: 'info',
        text: `Deleted the map “${offer.title}”.`,
        action: { label: 'Restore', run: () => void workspace.restore(offer.doc) },
      });
    }
    close();
  };

  const remove = async (id: string, title: string) => {
    setDeleted(null);
    const removed = await workspace.remove(id);
    if (removed) setDeleted({ title, doc: removed });
  };

  return (
    <dialog ref={dialog} className="am-dialog" aria-labelledby="maps-title" onClose={dismissDialog} onCancel={dismissDialog}>
      <div className="am-dialog-head">
        <h2 id="maps-title">Maps</h2>
        <button type="button" className="am-close" aria-label="Close" onClick={dismissDialog}>
          ×
        </button>
      </div>
      {deleted && (
        <div className="am-notice am-notice-info am-dialog-notice" role="status">
          <span dir="auto">Deleted the map “{deleted.title}”.</span>
          <button
            type="button"
            onClick={async () => {
              setDeleted(null);
              await workspace.restore(deleted.doc);
            }}
          >
            Restore
          </button>
          <button type="button" className="am-close" aria-label="Dismiss message" onClick={() => setDeleted(null)}>
            ×
          </button>
        </div>
      )}
      <form
        className="am-new-map"
        onSubmit={async (e) => {
          e.preventDefault();
          // The dialog goes first: the new map comes a moment later (an example beyond the first loads on
          // demand), and what the user does next belongs to it, not to a dialog still open over it.
          // (What was selected in the last map is let go as the new one shows: mapChange.ts.)
          close();
          await workspace.newMap(template);
        }}
      >
        <label>
          New map from{' '}
          <select aria-label="Template" value={template} onChange={(e) => setTemplate(e.target.value)}>
            <option value="blank">Blank</option>
            {Object.entries(EXAMPLES).map(([key, spec]) => (
              <option key={key} value={key}>
                {spec.title}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="am-primary">
          New map
        </button>
      </form>
      <History />
      <ul className="am-map-list" aria-label="Your maps">
        {maps.map((m) => (
          <li key={m.id} className={m.id === doc.id ? 'is-current' : undefined}>
            {renaming === m.id ? (
              <form
                className="am-rename"
                onSubmit={async (e) => {
                  e.preventDefault();
                  await workspace.rename(m.id, name);
                  setRenaming(null);
                }}
              >
                <input aria-label="New name" value={name} dir="auto" autoFocus onChange={(e) => setName(e.target.value)} />
                <button type="submit">Save name</button>
                <button type="button" onClick={() => setRenaming(null)}>
                  Cancel
                </button>
              </form>
            ) : (
              <>
                <div className="am-map-info">
                  <strong dir="auto">{m.title}</strong>
                  {shared[m.id] && <SharedMark />}
                  <span className="am-muted">
                    {m.assets} {m.assets === 1 ? 'asset' : 'assets'} · changed {new Date(m.updated).toLocaleString()}
                    {m.id === doc.id ? ' · open now' : ''}
                  </span>
                </div>
                <div className="am-map-actions">
                  <button
                    type="button"
                    disabled={m.id === doc.id}
                    aria-label={`Open ${m.title}`}
                    onClick={async () => {
                      await workspace.switchTo(m.id);
                      close();
                    }}
                  >
                    Open
                  </button>
                  <button
                    type="button"
                    aria-label={`Rename ${m.title}`}
                    onClick={() => {
                      setDeleted(null);
                      setRenaming(m.id);
                      setName(m.title);
                    }}
                  >
                    Rename
                  </button>
                  <button type="button" aria-label={`Duplicate ${m.title}`} onClick={() => {
                      setDeleted(null);
                      void workspace.duplicate(m.id);
                    }}>
                    Duplicate
                  </button>
                  <button type="button" className="am-danger" aria-label={`Delete ${m.title}`} onClick={() => void remove(m.id, m.title)}>
                    Delete
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
    </dialog>
  );
}

/** Beside a map shared with a team: it opens shared, following the others' changes. */
function SharedMark() {
  return (
    <span className="am-shared-mark" title="Shared with a team: opening it connects to the others">
      <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="8" cy="9" r="3.2" fill="none" stroke="currentColor" strokeWidth="2" />
        <circle cx="16.5" cy="9" r="3.2" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M2.5 20c.6-3.4 2.8-5 5.5-5s4.9 1.6 5.5 5M11 20c.6-3.4 2.8-5 5.5-5s4.9 1.6 5.5 5" fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>{' '}
      Shared
    </span>
  );
}

/**
 * The open map's reviews (kept for good, in the map) and its last saved versions (restoring one is one undo
 * step); from here a review is saved, exported alone, or compared.
 */
function History() {
  const { workspace, session } = useServices();
  const { doc } = useStoreState();
  const readOnly = useReadOnly() !== undefined;
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const load = async () => setVersions(await workspace.listVersions());
  const reviews = doc.reviews ?? [];
  return (
    <section className="am-history" aria-labelledby="history-title">
      <div className="am-history-head">
        <h3 id="history-title">Reviews and saved versions of “{doc.title}”</h3>
        <div className="am-history-actions">
          <button type="button" disabled={readOnly} onClick={() => session.set({ reviewOpen: true })}>
            Save as review…
          </button>
          <button type="button" onClick={() => session.set({ compareOpen: {} })}>
            Compare
          </button>
          <button type="button" onClick={() => void (versions ? setVersions(null) : load())} aria-expanded={!!versions}>
            {versions ? 'Hide versions' : 'Show versions'}
          </button>
        </div>
      </div>
      {reviews.length > 0 && (
        <ul className="am-version-list" aria-label="Reviews">
          {[...reviews].reverse().map((r) => {
            const when = reviewDate(r.at);
            return (
              <li key={r.id}>
                <span dir="auto">
                  <strong>{r.name}</strong> · {when}
                </span>
                <span className="am-version-actions">
                  <button type="button" aria-label={`Compare with now: the review ${r.name}`} onClick={() => session.set({ compareOpen: { before: `review:${r.id}` } })}>
                    Compare with now
                  </button>
                  <button type="button" aria-label={`Save file of the review ${r.name}`} onClick={() => exportReview(doc, r.id)}>
                    Save file
                  </button>
                  <button
                    type="button"
                    className="am-danger"
                    disabled={readOnly}
                    aria-label={`Delete the review ${r.name}`}
                    onClick={() => {
                      workspace.store.dispatch('deleteReview', { id: r.id });
                      session.notify({ tone: 'info', text: `Deleted the review “${r.name}”.`, action: { label: 'Undo', run: () => workspace.store.undo() } });
                    }}
                  >
                    Delete
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {versions &&
        (versions.length === 0 ? (
          <p className="am-muted">No saved versions yet: one is kept each minute you work, the last {20} of them.</p>
        ) : (
          <ul className="am-version-list" aria-label="Saved versions">
            {versions.map((v) => {
              const when = new Date(v.at).toLocaleString();
              return (
                <li key={v.key}>
                  <span>
                    {when} · {v.assets} {v.assets === 1 ? 'asset' : 'assets'}
                  </span>
                  <span className="am-version-actions">
                    <button type="button" aria-label={`Compare with now: the version of ${when}`} onClick={() => session.set({ compareOpen: { before: `version:${v.key}` } })}>
                      Compare with now
                    </button>
                    <button
                      type="button"
                      aria-label={`Restore the version of ${when}`}
                      onClick={async () => {
                        if (await workspace.restoreVersion(v.key)) {
                          session.notify({ tone: 'success', text: `Restored the version of ${when}. Undo goes back to what you had.` });
                          session.set({ mapsOpen: false });
                        } else session.notify({ tone: 'info', text: 'That version is the same as the map now.' });
                      }}
                    >
                      Restore
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        ))}
    </section>
  );
}
