/**
 * Session state: what the user is looking at and has selected. Never saved to the file or to storage.
 */
import type { AssetKind, Region } from '../model';
import type { Person } from '../collab/session';

export type TabId = 'map' | 'worksheet' | 'insights' | 'reflect';

export interface Notice {
  id: number;
  tone: 'info' | 'error' | 'success';
  text: string;
  /** An action offered with the notice (e.g. "Undo"). */
  action?: { label: string; run: () => void };
  /** More actions, for a choice ("Keep mine" or "Take the other version"). */
  more?: { label: string; run: () => void }[];
}

export interface SessionState {
  tab: TabId;
  selection: string[];
  /** Asset kinds hidden by the kind filter. */
  hiddenKinds: AssetKind[];
  /** The tag filter: only assets with this tag (or an item with it) are shown. */
  tagFilter?: string;
  /** Assets drawn larger the more ties they have. */
  sizeByTies: boolean;
  /** Node ids to emphasise (others are dimmed), e.g. from an insight; empty when none. */
  focus: string[];
  notices: Notice[];
  /** The others on a shared map: names, colours and what each has selected. */
  people: readonly Person[];
  showSuggestions: boolean;
  mapsOpen: boolean;
  exportOpen: boolean;
  /** Spreadsheet rows read from a file, waiting for the user to choose where they go. */
  pendingImport?: {
    name: string;
    rows: import('../io/sheets').SheetRow[];
    warnings: string[];
    relationships?: import('../io/sheets/relationships').RelationshipRow[];
  };
  /** A map from a file that is another copy of a map the user has, differing from it: open as a copy, or replace? */
  pendingReplace?: { name: string; doc: import('../model').AssetMapDoc; repairs: string[] };
  /** A node just added: the side panel puts the cursor in its name field. */
  editing?: string;
  /** A node whose name is being edited in place, on the map. */
  labelEdit?: string;
  /** Focus mode: only what lies within `steps` of these nodes is shown in full, the rest faded. */
  focusMode?: { ids: string[]; steps: 1 | 2 | 3 };
  /** A request for the map to centre on these nodes (incremented to re-trigger). */
  centreOn?: { ids: string[]; seq: number; keepZoom?: boolean };
  /** A request for the map to fit the whole map in view (incremented to re-trigger). */
  fitRequest?: number;
  /** A request for the map to show this part of it whole (a saved view; incremented to re-trigger). */
  showRegion?: { region: Region; seq: number };
  /** "Save view…" is open. */
  saveViewOpen?: boolean;
  /** The list of saved views is open. */
  viewsOpen?: boolean;
  /** Present mode: the saved views one after another, full screen. */
  presenting?: boolean;
  /** What the Export dialog's Area starts at: `map`, `view` or `saved:<view id>`. */
  exportArea?: string;
  /** "Save as review…" is open. */
  reviewOpen?: boolean;
  /** The Compare dialog is open, with what to offer as the earlier state (a `CompareChoice` key). */
  compareOpen?: { before?: string };
  /** Two states of the map being compared, shown on the map and listed beside it. */
  comparison?: Comparison;
}

/** One side of a comparison: a review, a saved version, a file, or (no `doc`) the map now, followed as it changes. */
export interface CompareSide {
  label: string;
  doc?: import('../model').ReviewedMap;
}

export interface Comparison {
  before: CompareSide;
  after: CompareSide;
}

export class Session {
  private state: SessionState = {
    tab: 'map',
    selection: [],
    hiddenKinds: [],
    sizeByTies: false,
    focus: [],
    notices: [],
    people: [],
    showSuggestions: true,
    mapsOpen: false,
    exportOpen: false,
  };
  private listeners = new Set<() => void>();
  private noticeSeq = 0;
  private centreSeq = 0;

  getState = () => this.state;
  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  set = (patch: Partial<SessionState>) => {
    this.state = { ...this.state, ...patch };
    for (const fn of [...this.listeners]) fn();
  };

  select = (ids: string[]) => {
    const same = ids.length === this.state.selection.length && ids.every((id, i) => id === this.state.selection[i]);
    if (!same) this.set({ selection: ids });
  };

  /** Centres the map on these nodes; `keepZoom` only brings them into view, at the zoom the user chose. */
  centre = (ids: string[], options: { keepZoom?: boolean } = {}) => this.set({ centreOn: { ids, seq: ++this.centreSeq, keepZoom: options.keepZoom } });
  fit = () => this.set({ fitRequest: ++this.centreSeq });
  /** Shows this part of the map whole, at whatever zoom it takes. */
  showRegion = (region: Region) => this.set({ showRegion: { region, seq: ++this.centreSeq } });

  /**
   * Shows a message. A new message takes the place of the earlier ones, so they do not pile up over the map;
   * errors and messages that ask for a choice stay until they are answered or dismissed.
   */
  notify = (notice: Omit<Notice, 'id'>, timeout = notice.tone === 'error' ? 0 : 6000): number => {
    const id = ++this.noticeSeq;
    const kept = this.state.notices.filter((n) => n.tone === 'error' || n.more?.length);
    this.set({ notices: [...kept, { ...notice, id }].slice(-4) });
    if (timeout) setTimeout(() => this.dismiss(id), timeout);
    return id;
  };

  dismiss = (id: number) => {
    if (this.state.notices.some((n) => n.id === id)) this.set({ notices: this.state.notices.filter((n) => n.id !== id) });
  };
}
