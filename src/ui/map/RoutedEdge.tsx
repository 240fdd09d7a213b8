/**
 * An edge in React Flow's SVG: along its route from the last auto layout, or, once an end has moved, along the
 * same fallback the exporter uses. The map canvas (MapCanvas) paints every edge; this SVG path is what the
 * pointer and the keyboard reach, and it shows itself only when the edge is selected or focused (styles.css).
 * Its stroke and path come from the map painter's (`flowEdgeStroke`, `flowEdgePath`), so that the canvas, this
 * SVG and the images match.
 */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, type EdgeProps, useInternalNode } from '@xyflow/react';
import { currentRoute } from '../../look';
import { flowEdgePath, flowEdgeStroke } from './mapPainter';
import type { FlowEdge } from './toFlow';

export const RoutedEdge = memo(function RoutedEdge({ id, source, target, data, selected, markerEnd }: EdgeProps<FlowEdge>) {
  const s = useInternalNode(source);
  const t = useInternalNode(target);
  if (!data || !s || !t) return null;
  const box = (n: typeof s) => ({
    x: n.internals.positionAbsolute.x,
    y: n.internals.positionAbsolute.y,
    width: n.measured.width ?? n.width ?? 0,
    height: n.measured.height ?? n.height ?? 0,
  });
  const points = currentRoute(data.kind, data.points, data.at, box(s), box(t));
  const stroke = flowEdgeStroke(data, selected);
  const path = flowEdgePath(data, points);
  const mid = points[Math.floor((points.length - 1) / 2)]!;
  const mid2 = points[Math.ceil((points.length - 1) / 2)]!;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={stroke.arrow ? markerEnd ?? 'url(#am-arrow)' : undefined}
        interactionWidth={14}
        className={`am-edge am-edge-${data.kind}${data.dimmed ? ' am-dimmed' : ''}${selected ? ' is-selected' : ''}`}
        style={{
          stroke: stroke.colour,
          strokeWidth: stroke.width,
          strokeDasharray: stroke.dash,
          strokeLinecap: stroke.cap,
          strokeLinejoin: stroke.join,
          opacity: stroke.alpha < 1 ? stroke.alpha : undefined,
        }}
      />
      {data.suggestion && <SuggestionText points={points} reason={data.suggestion.reason} />}
      {data.label && (
        <EdgeLabelRenderer>
          <div
            className="am-edge-label"
            dir="auto"
            style={{ transform: `translate(-50%, -50%) translate(${(mid.x + mid2.x) / 2}px, ${(mid.y + mid2.y) / 2}px)` }}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

export const edgeTypes = { routed: RoutedEdge };

/** The reason of a suggested connection, shown when the edge is hovered or focused (CSS). */
function SuggestionText({ points, reason }: { points: { x: number; y: number }[]; reason: string }) {
  const a = points[Math.floor((points.length - 1) / 2)]!;
  const b = points[Math.ceil((points.length - 1) / 2)]!;
  const x = (a.x + b.x) / 2;
  const y = (a.y + b.y) / 2;
  const text = reason.length > 140 ? reason.slice(0, 139) + '…' : reason;
  const width = Math.min(560, text.length * 6.4 + 16);
  return (
    <g className="am-sugg-text" aria-hidden="true">
      <title>{reason}</title>
      <rect x={x - width / 2} y={y - 12} width={width} height={22} rx={6} fill="#faf5ff" stroke="#7c3aed" />
      <text x={x} y={y + 3} textAnchor="middle" fontSize={11} fill="#3b0764">
        {text}
      </text>
    </g>
  );
}
