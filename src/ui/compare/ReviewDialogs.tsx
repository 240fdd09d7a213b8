/**
 * Reviews and comparing them: "Save as review…" names the map as it stands; "Compare" picks two states — a
 * review, a saved version, the map now, or a map file or image someone sent (read through the one open path) —
 * and shows what changed between them on the map and in a list (ComparePanel).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { type AssetMapDoc, type ReviewedMap, newId, reviewOf } from '../../model';
import { fileNameFor, serializeMap } from '../../io/mapFile';
import type { VersionSummary } from '../../store';
import { NameDialog } from '../NameDialog';
import { useReturnFocus } from '../useReturnFocus';
import { type AppServices, useServices, useStoreState } from '../context';
import { downloadBlob } from '../actions';
import type { CompareSide } from '../session';

const SEASONS = ['Winter', 'Spring', 'Summer', 'Autumn'] as const;

/** "Spring 2026 review": a name to start from, by the season of the date. */
export function suggestedReviewName(date = new Date()): string {
  const m = date.getMonth();
  return `${SEASONS[m === 11 ? 0 : Math.floor((m + 1) / 3)]} ${date.getFullYear()} review`;
}

export const reviewDate = (at: string) => new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

/** A review alone as a map file: its own map (a new id), titled with the review's name. */
export function exportReview(doc: AssetMapDoc, reviewId: string) {
  const review = doc.reviews?.find((r) => r.id === reviewId);
  if (!review) return;
  const map: AssetMapDoc = { ...review.map, id: newId('map'), title: `${review.map.title} (${review.name})` };
  downloadBlob(new Blob([serializeMap(map, 1)], { type: 'application/json' }), fileNameFor(map.title, 'json'));
}

export function SaveReviewDialog() {
  const { workspace, session } = useServices();
  return (
    <NameDialog
      title="Save as review"
      intro="A review keeps the map as it stands now, under a name, for as long as the map is kept. It travels in the map’s file."
      fieldLabel="Review name"
      submitLabel="Save review"
      initialName={suggestedReviewName}
      onClose={() => session.set({ reviewOpen: false })}
      onSave={(name) => {
        if (!workspace.store.dispatch('saveReview', { review: reviewOf(workspace.store.getDoc(), newId('rv'), name) })) return;
        session.notify({
          tone: 'success',
          text: `Saved the map as it stands as the review “${name}”. It is kept with the map and in its file; compare with it from Maps or Reviews → Compare.`,
        });
      }}
    />
  );
}

/** What a side of a comparison can be: `now`, `review:<id>`, `version:<key>` or `file`. */
type ChoiceKey = string;

async function resolveSide({ workspace }: AppServices, key: ChoiceKey, file: File | undefined, versions: VersionSummary[]): Promise<CompareSide | string> {
  const doc = workspace.store.getDoc();
  if (key === 'now') return { label: 'the map now' };
  if (key.startsWith('review:')) {
    const review = doc.reviews?.find((r) => r.id === key.slice(7));
    return review ? { label: `the review “${review.name}”`, doc: review.map } : 'That review is no longer there.';
  }
  if (key.startsWith('version:')) {
    const v = versions.find((x) => String(x.key) === key.slice(8));
    const loaded = v ? await workspace.storage.loadVersion(v.key) : undefined;
    if (!v || !loaded?.ok) return 'That saved version could not be read.';
    return { label: `the version of ${new Date(v.at).toLocaleString()}`, doc: withoutReviews(loaded.value.doc) };
  }
  if (!file) return 'Choose the map file or image to compare.';
  const { openBytes } = await import('../../io/open');
  const opened = await openBytes(file.name, new Uint8Array(await file.arrayBuffer()));
  if (!opened.ok) return opened.message;
  if (opened.type !== 'map') return `“${file.name}” is a spreadsheet: compare needs a map file (.assetmap.json) or a map image exported by Asset Map.`;
  return { label: `“${file.name}”`, doc: withoutReviews(opened.doc) };
}

const withoutReviews = (doc: AssetMapDoc): ReviewedMap => {
  const { reviews: _r, ...map } = doc;
  return map;
};

export function CompareDialog({ initialBefore }: { initialBefore?: string }) {
  const services = useServices();
  const { workspace, session } = services;
  const { doc } = useStoreState();
  const dialog = useRef<HTMLDialogElement>(null);
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const reviews = doc.reviews ?? [];
  const [before, setBefore] = useState<ChoiceKey>(initialBefore ?? (reviews.length ? `review:${reviews.at(-1)!.id}` : 'file'));
  const [after, setAfter] = useState<ChoiceKey>('now');
  const [files, setFiles] = useState<{ before?: File; after?: File }>({});
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const ids = useId();
  useReturnFocus();
  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    void workspace.listVersions().then((v) => {
      if (!live) return;
      setVersions(v);
      // No review to start from: the newest saved version, if there is one.
      if (!initialBefore && !(workspace.store.getDoc().reviews ?? []).length && v.length) setBefore(`version:${v[0]!.key}`);
    });
    return () => {
      live = false;
    };
  }, [workspace, initialBefore]);
  const close = () => session.set({ compareOpen: undefined });

  const options = (
    <>
      <option value="now">The map now</option>
      {reviews.length > 0 && (
        <optgroup label="Reviews">
          {reviews.map((r) => (
            <option key={r.id} value={`review:${r.id}`}>
              {r.name} ({reviewDate(r.at)})
            </option>
          ))}
        </optgroup>
      )}
      {versions.length > 0 && (
        <optgroup label="Saved versions">
          {versions.map((v) => (
            <option key={v.key} value={`version:${v.key}`}>
              Version of {new Date(v.at).toLocaleString()}
            </option>
          ))}
        </optgroup>
      )}
      <option value="file">A map file or image…</option>
    </>
  );
  const side = (which: 'before' | 'after', value: ChoiceKey, set: (v: ChoiceKey) => void, label: string) => (
    <div className="am-compare-side">
      <div className="am-field">
        <label htmlFor={`${ids}-${which}`}>{label}</label>
        <select id={`${ids}-${which}`} value={value} onChange={(e) => set(e.target.value)}>
          {options}
        </select>
      </div>
      {value === 'file' && (
        <div className="am-field">
          <label htmlFor={`${ids}-${which}-file`}>Map file or image ({label.toLowerCase()})</label>
          <input
            id={`${ids}-${which}-file`}
            type="file"
            accept=".json,.png,.svg,.pdf,application/json,image/png,image/svg+xml,application/pdf"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              setFiles((f) => ({ ...f, [which]: file }));
            }}
          />
        </div>
      )}
    </div>
  );

  return (
    <dialog ref={dialog} className="am-dialog am-small-dialog" aria-labelledby="compare-title" onClose={close} onCancel={close}>
      <div className="am-dialog-head">
        <h2 id="compare-title">Compare two states of the map</h2>
        <button type="button" className="am-close" aria-label="Close" onClick={close}>
          ×
        </button>
      </div>
      <form
        className="am-dialog-body am-form"
        aria-busy={busy}
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setProblem('');
          try {
            const a = await resolveSide(services, before, files.before, versions);
            const b = await resolveSide(services, after, files.after, versions);
            const wrong = typeof a === 'string' ? a : typeof b === 'string' ? b : '';
            if (wrong || typeof a === 'string' || typeof b === 'string') {
              setProblem(wrong);
              return;
            }
            session.set({ comparison: { before: a, after: b }, compareOpen: undefined, mapsOpen: false, tab: 'map', selection: [], focus: [] });
            session.fit();
          } finally {
            setBusy(false);
          }
        }}
      >
        <p className="am-muted">
          What was added, removed and changed shows on the map and in a list beside it. Items are matched by their identity first, then by kind and name, so renamed items stay one item.
        </p>
        {side('before', before, setBefore, 'From')}
        {side('after', after, setAfter, 'To')}
        {problem && (
          <p className="am-problem" role="alert" dir="auto">
            {problem}
          </p>
        )}
        <div className="am-dialog-foot">
          <button type="submit" className="am-primary" disabled={busy}>
            Compare
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
