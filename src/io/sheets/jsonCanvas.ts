/**
 * The map as a JSON Canvas (the open format of Obsidian's canvases, jsoncanvas.org, version 1.0): every node a
 * text card at its place on the map, with the size the app draws it at; every edge, attachments included, an edge
 * with a colour and, for relationships and "supports", a label. Card text is Markdown, so user text is escaped.
 */
import { type AssetMapDoc, isAsset } from '../../model';
import { KIND_STYLES } from '../../look/theme';
import { edgeStroke } from '../../look/edgeStroke';
import { getDrawnEdges } from '../../look/edges';
import { nodeSize } from '../../look/measure';
import { escapeInline, escapeLine } from './markdown';
import { getNodesInOrder } from './order';

export interface CanvasTextNode {
  id: string;
  type: 'text';
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
  color?: string;
}

export interface CanvasEdge {
  id: string;
  fromNode: string;
  toNode: string;
  toEnd?: 'none' | 'arrow';
  color?: string;
  label?: string;
}

export interface JsonCanvas {
  nodes: CanvasTextNode[];
  edges: CanvasEdge[];
}

export function toJsonCanvas(doc: AssetMapDoc): JsonCanvas {
  const nodes = getNodesInOrder(doc).map((node): CanvasTextNode => {
    const size = nodeSize(node);
    const kind = KIND_STYLES[node.kind].name;
    // An item's text is a paragraph of its own, where a leading "#" or "-" would make a heading or a list.
    const lines = isAsset(node) ? [`**${escapeInline(node.label)}**`, `*${kind}*`] : [`*${kind}*`, escapeLine(node.label)];
    if (node.details) lines.push(escapeLine(node.details));
    return {
      id: node.id,
      type: 'text',
      x: Math.round(node.x),
      y: Math.round(node.y),
      width: size.width,
      height: size.height,
      text: lines.join('\n\n'),
      color: KIND_STYLES[node.kind].accent,
    };
  });
  const edges = getDrawnEdges(doc).map((edge): CanvasEdge => {
    const out: CanvasEdge = { id: edge.id, fromNode: edge.source, toNode: edge.target, color: edgeStroke(edge).colour };
    // Only "supports" has a direction worth an arrow; a relationship is mutual and an item simply hangs.
    if (edge.kind !== 'supports') out.toEnd = 'none';
    if (edge.kind === 'relationship') {
      const tie = `${edge.tie ?? 'regular'} tie`;
      out.label = edge.label ? `${edge.label} (${tie})` : tie;
    } else if (edge.kind === 'supports') out.label = edge.label ?? 'supports';
    else if (edge.label) out.label = edge.label;
    return out;
  });
  return { nodes, edges };
}

/** The canvas as the text of a .canvas file (tab-indented, as Obsidian writes it). */
export function writeJsonCanvas(doc: AssetMapDoc): string {
  return JSON.stringify(toJsonCanvas(doc), null, '\t') + '\n';
}
