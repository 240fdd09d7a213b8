/**
 * Editing a node's name on the map itself: a text box over the node, in the map's own coordinates (it pans and
 * zooms with it). Enter keeps the text as one undo step (the side panel's `updateNode`), Shift+Enter starts a
 * new line, Escape leaves the name as it was, Tab keeps the text and goes on to the node's next field in the
 * side panel, and leaving the box (a click elsewhere) keeps it too.
 */
import { useEffect, useRef, useState } from 'react';
import { ViewportPortal, useReactFlow } from '@xyflow/react';
import { type MapNode, isAsset } from '../../model';
import { nodeSize } from '../../look/measure';
import { useReadOnly, useServices, useSession, useStoreState } from '../context';
import { whenShown } from '../whenShown';

/** Below this zoom the text would be too small to edit: the map zooms in on the node first. */
const EDIT_ZOOM = 0.7;

export function LabelEditor() {
  const id = useSession((s) => s.labelEdit);
  const { doc } = useStoreState();
  const readOnly = useReadOnly() !== undefined;
  const node = id && !readOnly ? doc.nodes[id] : undefined;
  if (!node) return null;
  return (
    <ViewportPortal>
      <Editor key={node.id} node={node} />
    </ViewportPortal>
  );
}

/** What Tab goes on to in the side panel: the first control after the node's name field. */
function nextPanelField(): HTMLElement | undefined {
  const nameField = document.querySelector('.am-panel .am-panel-body > .am-field');
  if (!nameField) return undefined;
  const all = [...document.querySelectorAll<HTMLElement>('.am-panel :is(input, select, textarea, button, summary, a[href], [tabindex="0"])')];
  return all.find(
    (el) =>
      nameField.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING &&
      !nameField.contains(el) &&
      !(el as HTMLButtonElement).disabled &&
      el.getClientRects().length > 0,
  );
}

const nodeElement = (id: string) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);

function Editor({ node }: { node: MapNode }) {
  const { workspace, session } = useServices();
  const rf = useReactFlow();
  const [text, setText] = useState(node.label);
  const box = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);
  const size = nodeSize(node);
  const name = isAsset(node) ? 'name' : 'text';

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the editor opens
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.select();
    if (rf.getZoom() < EDIT_ZOOM) void rf.setCenter(node.x + size.width / 2, node.y + size.height / 2, { zoom: 1, duration: 200 });
  }, []);

  /** Ends the edit, keeping the text or not, and puts the focus where the key said. */
  const finish = (keep: boolean, then?: 'node' | 'next') => {
    if (done.current) return;
    done.current = true;
    const label = text.trim();
    if (keep && label && label !== node.label) workspace.store.dispatch('updateNode', { id: node.id, patch: { label } });
    session.set({ labelEdit: undefined });
    if (then === 'node') requestAnimationFrame(() => nodeElement(node.id)?.focus({ preventScroll: true }));
    else if (then === 'next') {
      session.select([node.id]);
      // The panel shows this node once the selection has been drawn, and its fields once their code is there.
      whenShown(nextPanelField, (next) => {
        next.focus();
        next.scrollIntoView({ block: 'nearest' });
      });
    }
  };

  return (
    <div
      className={`am-label-editor ${isAsset(node) ? 'is-asset' : 'is-item'} nodrag nopan nowheel`}
      style={{ transform: `translate(${node.x}px, ${node.y}px)`, width: size.width, minHeight: size.height }}
    >
      <textarea
        ref={box}
        className="nodrag nopan nowheel"
        aria-label={`Edit ${name} of ${node.label.slice(0, 80) || 'this item'}`}
        aria-description="Enter keeps it, Shift+Enter starts a new line, Escape cancels, Tab goes on to its other fields"
        dir="auto"
        rows={Math.max(2, text.split('\n').length)}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => finish(true)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            finish(true, 'node');
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            finish(false, 'node');
          } else if (e.key === 'Tab') {
            e.preventDefault();
            finish(true, e.shiftKey ? 'node' : 'next');
          }
        }}
      />
    </div>
  );
}
