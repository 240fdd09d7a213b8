/**
 * Sharing, as the UI sees it: a small store (status, links, a message in words) in front of the collab
 * module, which is loaded only when someone shares a map or opens a shared link, so that a first visit does
 * not carry Yjs and the provider.
 */
import type { SharedLink, Workspace } from '../../store';
import type { Person, ShareSession, ShareStatus } from '../../collab/session';

export interface ShareState {
  /** Undefined while the map is not shared from this page. */
  status?: ShareStatus;
  statusText?: string;
  links?: { edit: string; view: string };
  /** What went wrong, in words (no server, a refused link). */
  message?: string;
  busy: boolean;
  /** The others here (session state: never saved). */
  people: Person[];
}

type CollabModule = typeof import('../../collab/session') & typeof import('../../collab/localCopy');

export class ShareController {
  private state: ShareState = { busy: false, people: [] };
  private listeners = new Set<() => void>();
  private session: ShareSession | undefined;
  private module: Promise<CollabModule> | undefined;
  /** The map shared from here; undefined while a link's map is still on its way. */
  private sharedMapId: string | undefined;

  constructor(
    private readonly workspace: Workspace,
    private readonly pageUrl: () => string,
    /** The name others see, asked once and kept on this computer. */
    private readonly name: () => string | undefined = () => undefined,
  ) {}

  /** Tells the others what is selected here. */
  setSelection(ids: readonly string[]): void {
    this.session?.setSelection(ids);
  }

  getState = () => this.state;
  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private set(patch: Partial<ShareState>) {
    this.state = { ...this.state, ...patch };
    for (const fn of [...this.listeners]) fn();
  }

  private load(): Promise<CollabModule> {
    this.module ??= Promise.all([import('../../collab/session'), import('../../collab/localCopy')]).then(([session, copy]) => ({ ...session, ...copy }));
    return this.module;
  }

  /** "Start sharing": a new room on the server this page came from, with the current map in it. */
  async start(): Promise<void> {
    if (this.session || this.state.busy) return;
    this.set({ busy: true, message: undefined });
    try {
      const collab = await this.load();
      const page = this.pageUrl();
      const room = await collab.createRoom(new URL('/', page).href);
      const mapId = this.workspace.store.getDoc().id;
      const session = this.open(collab, room.room, room.edit, 'publish');
      this.sharedMapId = mapId;
      this.set({ links: { edit: collab.makeLink(page, room.room, room.edit), view: collab.makeLink(page, room.room, room.view) } });
      await session.whenReady();
      await this.workspace.setShared(mapId, { room: room.room, secret: room.edit });
    } catch (e) {
      this.set({ message: e instanceof Error ? e.message : String(e) });
    } finally {
      this.set({ busy: false });
    }
  }

  private opening: Promise<boolean> | undefined;

  /** Opens the shared map a link in the page's address points to, if it has one (once, however often asked). */
  openFromPage(): Promise<boolean> {
    this.opening ??= this.openLink();
    return this.opening;
  }

  private async openLink(): Promise<boolean> {
    if (this.session || !this.pageUrl().includes('shared=')) return false;
    const collab = await this.load();
    const link = collab.parseLink(this.pageUrl());
    if (!link) return false;
    return this.join(collab, link);
  }

  private async join(collab: CollabModule, link: SharedLink): Promise<boolean> {
    this.set({ busy: true, message: undefined });
    try {
      await this.open(collab, link.room, link.secret, 'join').whenReady();
      this.sharedMapId = this.workspace.store.getDoc().id;
      await this.workspace.setShared(this.sharedMapId, link);
      return true;
    } catch (e) {
      this.close();
      this.set({ message: e instanceof Error ? e.message : String(e) });
      return false;
    } finally {
      this.set({ busy: false });
    }
  }

  /**
   * The open map changed (or the workspace is ready): the connection for another map ends, and a map marked shared
   * opens shared again, with the link it came with.
   */
  async follow(): Promise<void> {
    // The map open now, not the one open when asked: a link's map may have replaced it meanwhile.
    const mapId = this.workspace.store.getDoc().id;
    if (this.session && this.sharedMapId === undefined) return;
    if (this.session && this.sharedMapId !== mapId) this.close();
    const link = this.workspace.getState().shared[mapId];
    if (this.session || this.state.busy || !link) return;
    await this.join(await this.load(), link);
  }

  /** "Stop sharing": the map stays on this computer as it is now, no longer marked shared. */
  stop(): void {
    const mapId = this.sharedMapId;
    this.close();
    if (mapId) void this.workspace.setShared(mapId, undefined);
  }

  /** Ends the connection here (the page closes, another map opens); the map stays marked shared. */
  close(): void {
    this.session?.stop();
    this.session = undefined;
    this.sharedMapId = undefined;
    this.set({ status: undefined, statusText: undefined, links: undefined, people: [] });
  }

  private open(collab: CollabModule, room: string, secret: string, mode: 'publish' | 'join'): ShareSession {
    const session = new collab.ShareSession({
      url: collab.collabUrl(this.pageUrl()),
      room,
      secret,
      store: this.workspace.store,
      mode,
      onStatus: (status) => this.set({ status, statusText: collab.STATUS_WORDS[status] }),
      name: this.name(),
      onPeople: (people) => this.set({ people }),
      localCopy: typeof indexedDB === 'undefined' ? undefined : collab.indexedDbCopy(),
    });
    this.session = session;
    this.set({ status: session.status, statusText: collab.STATUS_WORDS[session.status] });
    return session;
  }
}
