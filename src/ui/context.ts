/** React bindings to the plain stores: the workspace (document, history, maps) and the session. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { StoreState, Workspace, WorkspaceState } from '../store';
import type { Session, SessionState } from './session';

export interface AppServices {
  workspace: Workspace;
  session: Session;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('Asset Map services are missing');
  return s;
}

export function useStoreState(): StoreState {
  const { workspace } = useServices();
  return useSyncExternalStore(workspace.store.subscribe, workspace.store.getState);
}

export function useWorkspaceState(): WorkspaceState {
  const { workspace } = useServices();
  return useSyncExternalStore(workspace.subscribe, workspace.getState);
}

export function useSession<T>(select: (s: SessionState) => T): T {
  const { session } = useServices();
  return useSyncExternalStore(session.subscribe, () => select(session.getState()));
}

/** Why the map cannot be changed here (a view link, a map from a newer version), or undefined when it can. */
export function useReadOnly(): string | undefined {
  const { workspace } = useServices();
  return useSyncExternalStore(workspace.store.subscribe, () => workspace.store.getState().readOnly);
}
