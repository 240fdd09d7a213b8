/**
 * What was selected, focused or being edited is let go when another map is opened, at the moment it shows:
 * not after the opening has finished saving, which dropped what the user did on the new map meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { MemoryStorage, Workspace } from '../../src/store';
import { Session } from '../../src/ui/session';
import { letGoOnMapChange } from '../../src/ui/mapChange';

async function setUp() {
  const workspace = new Workspace(new MemoryStorage());
  await workspace.init();
  const session = new Session();
  letGoOnMapChange(workspace, session);
  return { workspace, session };
}

describe('letGoOnMapChange', () => {
  it('lets go of the selection, focus and editing when another map shows', async () => {
    const { workspace, session } = await setUp();
    const [a, b] = Object.keys(workspace.store.getDoc().nodes);
    session.set({ selection: [a!], focus: [a!, b!], focusMode: { ids: [a!], steps: 2 }, labelEdit: a, editing: a });
    await workspace.newMap('blank');
    const s = session.getState();
    expect([s.selection, s.focus, s.focusMode, s.labelEdit, s.editing]).toEqual([[], [], undefined, undefined, undefined]);
  });

  it('keeps what the user selects on the new map as soon as it shows, while it is still being saved', async () => {
    const { workspace, session } = await setUp();
    session.set({ selection: [Object.keys(workspace.store.getDoc().nodes)[0]!] });
    const opening = workspace.newMap('blank');
    // The new map shows before its first save is done.
    await new Promise<void>((resolve) => {
      const stop = workspace.store.subscribe(() => {
        stop();
        resolve();
      });
    });
    expect(session.getState().selection).toEqual([]);
    workspace.store.dispatch('addAsset', { id: 'n1', kind: 'partner', label: 'Library Foundation', x: 0, y: 0 });
    session.select(['n1']);
    await opening;
    expect(session.getState().selection).toEqual(['n1']);
  });

  it('keeps the selection through changes to the same map', async () => {
    const { workspace, session } = await setUp();
    const doc = workspace.store.getDoc();
    const id = Object.keys(doc.nodes)[0]!;
    session.set({ selection: [id], focus: [id] });
    workspace.store.dispatch('setTitle', { title: 'Renamed' });
    expect(session.getState().selection).toEqual([id]);
    expect(session.getState().focus).toEqual([id]);
  });
});
