/**
 * Canvas nodes. Each draws at the size the layout and exports use (nodeSize), with its label wrapped into the
 * same lines. Memoised: a node re-renders only when its own document object or view flags change.
 */
import { type CSSProperties, type KeyboardEvent, memo } from 'react';
import { Handle, type NodeProps, Position } from '@xyflow/react';
import { headerWords } from '../../analysis/header';
import { type NodeKind, canStartLink, isAsset } from '../../model';
import { FRAME_COLOUR, FRAME_FILL, FRAME_LABEL, FRAME_LABEL_FILL, FRAME_TEXT, KIND_STYLES, assetCount, cornersCss, nodeLook, tagLook } from '../../look';
import { useReadOnly, useServices } from '../context';
import { KindIcon } from './KindIcon';
import type { FlowNode } from './toFlow';

/**
 * The card's look, from the one place that says how a node looks (the exports ask the same). Sized by ties, the
 * card is drawn at its own size and scaled from its top-left corner to fill the larger box React Flow gives it.
 */
function cardStyle(kind: NodeKind, scale?: number): CSSProperties {
  const look = nodeLook(kind);
  const card: CSSProperties = { background: look.fill, borderColor: look.border, borderWidth: look.borderWidth, borderRadius: cornersCss(look.corners), color: look.ink };
  if (!scale) return card;
  return { ...card, width: `${100 / scale}%`, height: `${100 / scale}%`, transform: `scale(${scale})`, transformOrigin: '0 0' };
}

/** At most this many tag chips on a card; the rest are counted ("+2"). */
const MAX_CHIPS = 3;

/**
 * The item's tags as chips on the card's lower edge, each in its tag's colour and always with its words. The
 * node's accessible description lists them (toFlow.ts), so the chips themselves are hidden from screen readers.
 */
function TagChips({ tags }: { tags: string[] | undefined }) {
  if (!tags?.length) return null;
  return (
    <span className="am-tags" aria-hidden="true">
      {tags.slice(0, MAX_CHIPS).map((tag) => {
        const look = tagLook(tag);
        return (
          <span key={tag} className="am-tag" dir="auto" title={tag} style={{ background: look.fill, color: look.ink, borderColor: look.ink }}>
            {tag}
          </span>
        );
      })}
      {tags.length > MAX_CHIPS && <span className="am-tag am-tag-more">+{tags.length - MAX_CHIPS}</span>}
    </span>
  );
}

function Label({ lines }: { lines: string[] }) {
  return (
    <div className="am-node-label" dir="auto">
      {lines.map((line, i) => (
        <span key={i} className="am-line" dir="auto">
          {line}
        </span>
      ))}
    </div>
  );
}

/** How many Insights findings name this box, in words: a bare number on a dark badge said nothing. */
function InsightCount({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <span className="am-badge" title="Findings about this on the Insights tab">
      {count} {count === 1 ? 'insight' : 'insights'}
    </span>
  );
}

/**
 * In a comparison: the word for what happened (never colour alone) and, on hover or focus, the change itself.
 * The node's accessible description says the same.
 */
function DiffNote({ diff }: { diff: FlowNode['data']['diff'] }) {
  if (!diff) return null;
  const [head, ...rest] = diff.words.split(': ');
  return (
    <>
      <span className={`am-diff-tag am-diff-tag-${diff.status}`} aria-hidden="true">
        {head}
      </span>
      {rest.length > 0 && (
        <span className="am-diff-note" aria-hidden="true" dir="auto">
          {rest.join(': ')}
        </span>
      )}
    </>
  );
}

export const AssetNodeView = memo(function AssetNodeView({ data, selected }: NodeProps<FlowNode>) {
  const { node, lines, badge, diff, scale } = data;
  const style = KIND_STYLES[node.kind];
  return (
    <>
    <DiffNote diff={diff} />
    <div
      className={`am-node am-asset${selected ? ' is-selected' : ''}`}
      style={cardStyle(node.kind, scale)}
    >
      <div className="am-node-header" style={{ color: style.accent }}>
        <KindIcon kind={node.kind} />
        <span className="am-kind">{style.name}</span>
        <InsightCount count={badge} />
      </div>
      <Label lines={lines} />
      <Handle type="target" position={Position.Left} className="am-handle" />
      <Handle type="source" position={Position.Right} className="am-handle" />
    </div>
    <TagChips tags={node.tags} />
    </>
  );
});

export const ItemNodeView = memo(function ItemNodeView({ data, selected }: NodeProps<FlowNode>) {
  const { node, lines, badge, diff } = data;
  const style = KIND_STYLES[node.kind];
  const header = headerWords(node);
  return (
    <>
    <DiffNote diff={diff} />
    <div
      className={`am-node am-item am-${node.kind}${selected ? ' is-selected' : ''}`}
      style={cardStyle(node.kind)}
    >
      <div className="am-node-header" style={{ color: style.accent }}>
        <KindIcon kind={node.kind} size={12} />
        <span className="am-kind">{header}</span>
        <InsightCount count={badge} />
      </div>
      <Label lines={lines} />
      <Handle type="target" position={Position.Left} className="am-handle" isConnectable={false} />
      {canStartLink(node) && <Handle type="source" position={Position.Right} className="am-handle" />}
      {/* Where the edge to an improvement starts: not for drawing new connections from. */}
      {node.kind === 'weakness' && <Handle type="source" position={Position.Right} className="am-handle am-handle-quiet" isConnectable={false} />}
    </div>
    <TagChips tags={node.tags} />
    </>
  );
});

/** An item the map now does not have, drawn faded where it stood in the other state of a comparison. */
export const GhostNodeView = memo(function GhostNodeView({ data }: NodeProps<FlowNode>) {
  const { node, lines, diff } = data;
  return (
    <>
      <DiffNote diff={diff} />
      <div className={`am-node am-ghost am-ghost-${diff?.status ?? 'removed'}${isAsset(node) ? ' am-asset' : ' am-item'}`}>
        <div className="am-node-header">
          <KindIcon kind={node.kind} size={12} />
          <span className="am-kind">{KIND_STYLES[node.kind].name}</span>
        </div>
        <Label lines={lines} />
      </div>
    </>
  );
});

/** Keys on a button inside a node are the button's: React Flow's node would select or move itself on them. */
const keepKeys = (e: KeyboardEvent) => {
  if (['Enter', ' ', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(e.key)) e.stopPropagation();
};

/** The button that collapses or opens a group: its name says which, and which group. */
function CollapseButton({ group }: { group: NonNullable<FlowNode['data']['group']> }) {
  const { workspace } = useServices();
  const readOnly = useReadOnly() !== undefined;
  const name = group.name.length > 120 ? `${group.name.slice(0, 120)}…` : group.name;
  return (
    <button
      type="button"
      className="am-group-toggle nodrag"
      aria-label={`${group.collapsed ? 'Expand' : 'Collapse'} group ${name}`}
      title={group.collapsed ? 'Expand the group' : 'Collapse the group to one node'}
      aria-expanded={!group.collapsed}
      disabled={readOnly}
      onKeyDown={keepKeys}
      onClick={() => workspace.store.dispatch('setGroupCollapsed', { id: group.id, collapsed: !group.collapsed })}
    >
      <span aria-hidden="true">{group.collapsed ? '▸' : '▾'}</span>
    </button>
  );
}

/** An open group: a frame around its members, its name on a bar along the top that drags it. */
export const FrameNodeView = memo(function FrameNodeView({ data, selected }: NodeProps<FlowNode>) {
  const group = data.group!;
  return (
    <div className={`am-frame${selected ? ' is-selected' : ''}`} style={{ borderColor: FRAME_COLOUR, background: FRAME_FILL }}>
      <div className="am-frame-bar" style={{ height: FRAME_LABEL, background: FRAME_LABEL_FILL, color: FRAME_TEXT }}>
        <CollapseButton group={group} />
        <span className="am-frame-name" dir="auto">
          {group.name}
        </span>
        <span className="am-frame-count">{assetCount(group.count)}</span>
      </div>
    </div>
  );
});

/** A collapsed group: one card with its name and how many assets it holds. */
export const CollapsedNodeView = memo(function CollapsedNodeView({ data, selected }: NodeProps<FlowNode>) {
  const group = data.group!;
  return (
    <div className={`am-node am-collapsed${selected ? ' is-selected' : ''}`} style={{ borderColor: FRAME_COLOUR, color: FRAME_TEXT }}>
      <div className="am-node-header">
        <CollapseButton group={group} />
        <span className="am-kind">Group · {assetCount(group.count)}</span>
      </div>
      <Label lines={data.lines} />
      <Handle type="target" position={Position.Left} className="am-handle" isConnectable={false} />
      <Handle type="source" position={Position.Right} className="am-handle" isConnectable={false} />
    </div>
  );
});

export const nodeTypes = { asset: AssetNodeView, item: ItemNodeView, ghost: GhostNodeView, frame: FrameNodeView, collapsed: CollapsedNodeView };
