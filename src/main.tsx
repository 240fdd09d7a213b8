import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/base.css';
import './ui/styles.css';
import { App } from './ui/App';
import { ServicesContext } from './ui/context';
import { Session } from './ui/session';
import { letGoOnMapChange } from './ui/mapChange';
import { IdbStorage, MemoryStorage, type MapStorage, Workspace } from './store';

async function start() {
  const session = new Session();
  let storage: MapStorage;
  let warning: string | undefined;
  try {
    storage = new IdbStorage();
    await storage.list();
  } catch {
    storage = new MemoryStorage();
    warning =
      'This browser is not letting Asset Map save maps (storage is off or full). You can keep working, but use “Save file” to keep your map.';
  }
  const workspace = new Workspace(storage, {
    journal: safeLocalStorage(),
    channel: typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('asset-map'),
  });
  try {
    await workspace.init();
  } catch {
    // Storage answered the first question but failed later (blocked, full): keep working in memory.
    const memory = new Workspace(new MemoryStorage());
    await memory.init();
    return render(memory, session, 'Asset Map could not open your saved maps in this browser. You can keep working, but use “Save file” to keep your map.');
  }
  render(workspace, session, warning);
}

/** localStorage, when the browser lets the page use it. */
function safeLocalStorage() {
  try {
    const s = window.localStorage;
    s.getItem('asset-map:probe');
    return s;
  } catch {
    return undefined;
  }
}

function render(workspace: Workspace, session: Session, warning?: string) {
  if (warning) session.notify({ tone: 'error', text: warning });
  letGoOnMapChange(workspace, session);
  const root = document.getElementById('root')!;
  createRoot(root).render(
    <StrictMode>
      <ServicesContext.Provider value={{ workspace, session }}>
        <App />
      </ServicesContext.Provider>
    </StrictMode>,
  );
  // Tests and benchmarks read the document through this handle.
  (window as unknown as { assetMap?: unknown }).assetMap = { workspace, session };
}

void start();

// Offline use: production builds keep the app in a service worker (dist/sw.js, built from src/sw/). The dev
// server has no such file. Without it the app still works; it only needs the network to open.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => undefined);
  });
}
