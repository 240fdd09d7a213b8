/**
 * The side panel. With nothing selected it shows the map's counts and the keys; what is selected shows in the
 * detail panels (DetailPanels.tsx), which load when first wanted and are fetched when the page is idle.
 */
import { Suspense, useMemo } from 'react';
import { ASSET_KIND_ORDER, type AssetMapDoc } from '../../model';
import { KIND_STYLES } from '../../look';
import { groupOfFrame } from '../map/groupFrames';
import { useSession, useStoreState } from '../context';
import type { Actions } from '../actions';
import { KindIcon } from '../map/KindIcon';
import { SelectedPanel } from '../lazyParts';

export function SidePanel({ actions }: { actions: Actions }) {
  const { doc } = useStoreState();
  const selection = useSession((s) => s.selection);
  const one = selection.length === 1 ? selection[0]! : undefined;
  const gid = one === undefined ? undefined : groupOfFrame(one);
  const shown = one === undefined ? selection.length > 1 : !!(doc.nodes[one] || doc.edges[one] || (gid && doc.groups?.[gid]));
  return (
    <aside className="am-panel" aria-label="Details">
      {shown ? (
        <Suspense fallback={<div className="am-panel-body" aria-busy="true" />}>
          <SelectedPanel selection={selection} actions={actions} />
        </Suspense>
      ) : (
        <EmptyPanel doc={doc} />
      )}
    </aside>
  );
}

function EmptyPanel({ doc }: { doc: AssetMapDoc }) {
  const counts = useMemo(() => {
    const c: Record<string, number> = {};
    for (const n of Object.values(doc.nodes)) c[n.kind] = (c[n.kind] ?? 0) + 1;
    return c;
  }, [doc.nodes]);
  return (
    <div className="am-panel-body">
      <h2>{doc.title}</h2>
      <p className="am-muted">Select something on the map to edit it, or add an asset from the toolbar.</p>
      <ul className="am-counts">
        {ASSET_KIND_ORDER.map((k) => (
          <li key={k}>
            <KindIcon kind={k} /> {counts[k] ?? 0} {KIND_STYLES[k].name.toLowerCase()}
          </li>
        ))}
        <li>
          <KindIcon kind="strength" /> {counts.strength ?? 0} strengths
        </li>
        <li>
          <KindIcon kind="weakness" /> {counts.weakness ?? 0} weaknesses
        </li>
        <li>
          <KindIcon kind="improvement" /> {counts.improvement ?? 0} improvements
        </li>
        <li>{Object.keys(doc.edges).length} connections</li>
      </ul>
      <h3>Keyboard</h3>
      <ul className="am-keys">
        <li><kbd>Tab</kbd> moves between assets on the map; <kbd>Enter</kbd> selects; <kbd>Enter</kbd> again or <kbd>F2</kbd> edits its name there (<kbd>Tab</kbd> goes on to its fields); arrow keys move the selected item.</li>
        <li>The menu key or <kbd>Shift</kbd>+<kbd>F10</kbd> opens the menu of what is selected, or of the map.</li>
        <li><kbd>+</kbd> and <kbd>−</kbd> zoom, <kbd>0</kbd> fits the map; <kbd>Ctrl</kbd>+<kbd>P</kbd> prints it.</li>
        <li><kbd>Delete</kbd> deletes the selection; <kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes, <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Z</kbd> or <kbd>Ctrl</kbd>+<kbd>Y</kbd> redoes.</li>
        <li><kbd>Ctrl</kbd>+<kbd>F</kbd> finds on the map.</li>
      </ul>
    </div>
  );
}
