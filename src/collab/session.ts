/**
 * A shared map's connection: the room on the server, the Hocuspocus provider and the binding, with a status in
 * words for the toolbar. No React and no DOM beyond what a WebSocket needs; the app loads it on demand.
 *
 * Links: `<app>#shared=<room>.<secret>`. The fragment never reaches a server; the secret goes to the server
 * only as the connection's token. An edit link and a view link differ by their secret alone: the server says
 * which one it was (its answer's scope), and a view link opens the map read-only.
 */
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { DocStore } from '../store/docStore';
import { MapBinding } from './binding';

export interface Room {
  room: string;
  edit: string;
  view: string;
}

export type ShareStatus =
  /** Before the first answer from the server. */
  | 'connecting'
  | 'live'
  /** The connection dropped a moment ago; trying again. */
  | 'reconnecting'
  /** No connection for a while (still trying): edits stay on this computer and go out when it is back. */
  | 'offline'
  /** The server refused the link (a wrong or withdrawn secret). */
  | 'refused';

export const STATUS_WORDS: Record<ShareStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline — changes kept on this computer',
  refused: 'This link does not open a map on the server',
};

export const VIEW_ONLY_REASON = 'Opened with a view link: you can look at this map but not change it.';


const LINK = /(?:^|[#&])shared=([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{20,200})(?:&|$)/;

export function makeLink(appUrl: string, room: string, secret: string): string {
  const base = appUrl.split('#')[0];
  return `${base}#shared=${room}.${secret}`;
}

export function parseLink(url: string): { room: string; secret: string } | undefined {
  const hash = url.includes('#') ? url.slice(url.indexOf('#')) : '';
  const m = LINK.exec(hash);
  return m ? { room: m[1]!, secret: m[2]! } : undefined;
}

/** The server's address for shared maps, from the page's own (the app and the server share one origin). */
export function collabUrl(pageUrl: string): string {
  const u = new URL(pageUrl);
  return `${u.protocol === 'https:' ? 'wss:' : 'ws:'}//${u.host}/collab`;
}

/** Asks the server for a new room. Throws with a sentence when no server answers. */
export async function createRoom(httpBase: string, fetchImpl: typeof fetch = fetch): Promise<Room> {
  let res: Response;
  try {
    res = await fetchImpl(new URL('api/rooms', httpBase.endsWith('/') ? httpBase : `${httpBase}/`), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
  } catch {
    throw new Error('No sharing server is reachable from here: this copy of Asset Map runs without one. Your map stays on this computer.');
  }
  if (res.status !== 201) {
    throw new Error(
      res.status === 404 || res.status === 405 || res.status === 501
        ? 'This copy of Asset Map is served without a sharing server, so maps cannot be shared from it. Your map stays on this computer.'
        : `The sharing server could not make a room (it answered ${res.status}). Try again later.`,
    );
  }
  const body = (await res.json()) as Partial<Room>;
  if (typeof body.room !== 'string' || typeof body.edit !== 'string' || typeof body.view !== 'string') {
    throw new Error('The sharing server gave an answer this app does not understand.');
  }
  return body as Room;
}

/** Who is here, for the others: session state, never saved in the map. */
export interface Presence {
  name: string;
  colour: string;
  /** Ids of the nodes this person has selected. */
  selection: string[];
}

export interface Person extends Presence {
  /** The Yjs client id: one per open page. */
  id: number;
}

/** Colours for people, told apart from the kinds' colours on the map and from one another. */
export const PRESENCE_COLOURS = ['#c2410c', '#0369a1', '#a21caf', '#15803d', '#b91c1c', '#4d7c0f', '#7c3aed', '#0f766e'];

/** Where this computer keeps its copy of a shared map's Yjs state (IndexedDB in the browser). */
export interface LocalCopy {
  load(room: string): Promise<Uint8Array | undefined>;
  save(room: string, state: Uint8Array): Promise<void>;
}

const LOCAL_COPY = 'asset-map:local-copy';

export interface ShareOptions {
  /** ws(s)://host/collab */
  url: string;
  room: string;
  secret: string;
  store: DocStore;
  /** publish: put the store's map in the (new, empty) room; join: open the room's map in the store. */
  mode: 'publish' | 'join';
  /** For Node, which has no WebSocket of its own. */
  WebSocketPolyfill?: unknown;
  onStatus?: (status: ShareStatus) => void;
  /** After this long without a connection, "Reconnecting…" becomes "Offline" (default 8 s). */
  offlineAfterMs?: number;
  /** The name others see (set once by the person); "Someone" when not given. */
  name?: string;
  /** The others here changed (came, went, selected something). */
  onPeople?: (people: Person[]) => void;
  /**
   * Keeps the shared state on this computer: edits made offline survive closing the page, go out when the
   * server is back, and a map opened before opens again without a connection.
   */
  localCopy?: LocalCopy;
}

export class ShareSession {
  readonly ydoc = new Y.Doc();
  status: ShareStatus = 'connecting';
  binding: MapBinding | undefined;
  /** Set once the server said which secret this is. */
  access: 'edit' | 'view' | undefined;
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly provider: HocuspocusProvider;
  private offlineTimer: ReturnType<typeof setTimeout> | undefined;
  private ready: Promise<void>;
  private markReady!: () => void;
  private fail!: (e: Error) => void;
  private stopped = false;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ShareOptions) {
    this.ready = new Promise((resolve, reject) => {
      this.markReady = resolve;
      this.fail = reject;
    });
    this.socket = new HocuspocusProviderWebsocket({
      url: options.url,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
      delay: 500,
      minDelay: 250,
      maxDelay: 10_000,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: options.room,
      token: options.secret,
      document: this.ydoc,
      onAuthenticated: ({ scope }) => {
        this.access = scope === 'readonly' ? 'view' : 'edit';
        // Opened from the local copy before the server answered: a view link becomes read-only now.
        if (this.access === 'view') this.binding?.setReadOnly(VIEW_ONLY_REASON);
      },
      onAuthenticationFailed: () => {
        this.setStatus('refused');
        this.fail(new Error(STATUS_WORDS.refused));
      },
      onSynced: () => this.onSynced(),
      onStatus: ({ status }) => {
        if (status === 'disconnected') this.onDisconnected();
      },
    });
    if (options.localCopy) {
      this.ydoc.on('update', this.scheduleSave);
      void this.openLocalCopy(options.localCopy);
    } else this.provider.attach();
    const awareness = this.provider.awareness;
    if (awareness) {
      const colour = PRESENCE_COLOURS[this.ydoc.clientID % PRESENCE_COLOURS.length]!;
      awareness.setLocalStateField('user', { name: options.name?.trim() || 'Someone', colour, selection: [] } satisfies Presence);
      awareness.on('change', () => {
        this.keepColourApart();
        options.onPeople?.(this.people());
      });
    }
    // The browser knows first when the network goes: a socket left open would find out only at its next timeout.
    browserEvents()?.addEventListener('offline', this.onBrowserOffline);
    browserEvents()?.addEventListener('online', this.onBrowserOnline);
    // A room published from here is filled at once: the map is in the local document before the first sync.
    if (options.mode === 'publish') this.bind();
  }

  private onBrowserOffline = () => {
    if (this.stopped || this.status === 'refused') return;
    this.socket.disconnect();
    clearTimeout(this.offlineTimer);
    this.offlineTimer = undefined;
    this.setStatus('offline');
  };

  private onBrowserOnline = () => {
    if (this.stopped || this.status === 'refused') return;
    void this.socket.connect();
  };

  private async openLocalCopy(copy: LocalCopy) {
    let saved: Uint8Array | undefined;
    try {
      saved = await copy.load(this.options.room);
    } catch {
      // No copy to read (storage refused): the server's state will do.
    }
    if (this.stopped) return;
    if (saved && this.options.mode === 'join') {
      Y.applyUpdate(this.ydoc, saved, LOCAL_COPY);
      this.bind();
    }
    this.provider.attach();
  }

  private scheduleSave = () => {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveNow(), 300);
  };

  private saveNow() {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    void this.options.localCopy?.save(this.options.room, Y.encodeStateAsUpdate(this.ydoc)).catch(() => undefined);
  }

  /** Resolves when the map is bound (joined: once it has arrived); rejects if the server refuses the link. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Tells the others what this person has selected. */
  setSelection(ids: readonly string[]): void {
    const awareness = this.provider.awareness;
    const user = awareness?.getLocalState()?.user as Presence | undefined;
    if (awareness && user) awareness.setLocalStateField('user', { ...user, selection: [...ids] });
  }

  /**
   * Two people in one colour could not be told apart: the one who came later (the higher client id; both pages
   * agree on which) takes the first colour no one before them has.
   */
  private keepColourApart() {
    const awareness = this.provider.awareness;
    const user = awareness?.getLocalState()?.user as Presence | undefined;
    if (!awareness || !user) return;
    const taken = this.people()
      .filter((p) => p.id < this.ydoc.clientID)
      .map((p) => p.colour);
    if (!taken.includes(user.colour)) return;
    const free = PRESENCE_COLOURS.find((c) => !taken.includes(c));
    if (free) awareness.setLocalStateField('user', { ...user, colour: free });
  }

  /** The others here now (not this page), each with a name, a colour and a selection. */
  people(): Person[] {
    const awareness = this.provider.awareness;
    if (!awareness) return [];
    const out: Person[] = [];
    for (const [id, state] of awareness.getStates()) {
      if (id === this.ydoc.clientID) continue;
      const user = (state as { user?: Partial<Presence> }).user;
      if (!user || typeof user.name !== 'string' || typeof user.colour !== 'string') continue;
      // What another page sends is not trusted: a short name, a colour of ours, ids only.
      out.push({
        id,
        name: user.name.slice(0, 60),
        colour: PRESENCE_COLOURS.includes(user.colour) ? user.colour : PRESENCE_COLOURS[id % PRESENCE_COLOURS.length]!,
        selection: Array.isArray(user.selection) ? user.selection.filter((s): s is string => typeof s === 'string').slice(0, 1000) : [],
      });
    }
    return out.sort((a, b) => a.id - b.id);
  }

  /** Stops sharing on this computer: the map stays in the store as it is, with a history of its own. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    browserEvents()?.removeEventListener('offline', this.onBrowserOffline);
    browserEvents()?.removeEventListener('online', this.onBrowserOnline);
    clearTimeout(this.offlineTimer);
    if (this.saveTimer) this.saveNow();
    this.ydoc.off('update', this.scheduleSave);
    this.binding?.destroy();
    this.provider.destroy();
    this.socket.destroy();
    this.ydoc.destroy();
  }

  private bind() {
    if (this.binding || this.stopped) return;
    if (this.options.mode === 'publish') {
      this.binding = MapBinding.publish(this.ydoc, this.options.store);
      this.markReady();
      return;
    }
    const readOnly = this.access === 'view' ? VIEW_ONLY_REASON : undefined;
    const joined = MapBinding.join(this.ydoc, this.options.store, { readOnly });
    if (joined.ok) {
      this.binding = joined.value;
      this.markReady();
    } else if (joined.error.kind === 'empty') {
      // Synced with a server that has not got the map yet (it is on its way from another): wait for it.
      const retry = () => {
        if (this.binding || this.stopped) return;
        this.bind();
        if (this.binding) this.ydoc.off('update', retry);
      };
      this.ydoc.on('update', retry);
    } else this.fail(new Error(`The shared map could not be read: ${joined.error.detail}`));
  }

  private onSynced() {
    clearTimeout(this.offlineTimer);
    this.offlineTimer = undefined;
    if (this.options.mode === 'join') this.bind();
    this.setStatus('live');
  }

  private onDisconnected() {
    if (this.stopped || this.status === 'refused') return;
    if (this.status === 'live' || this.status === 'connecting') this.setStatus('reconnecting');
    if (!this.offlineTimer) this.offlineTimer = setTimeout(() => this.status === 'reconnecting' && this.setStatus('offline'), this.options.offlineAfterMs ?? 8000);
  }

  private setStatus(status: ShareStatus) {
    if (this.status === status) return;
    this.status = status;
    this.options.onStatus?.(status);
  }
}

/** The page's online and offline events; none in Node. */
function browserEvents(): Pick<Window, 'addEventListener' | 'removeEventListener'> | undefined {
  return typeof window === 'undefined' ? undefined : window;
}
