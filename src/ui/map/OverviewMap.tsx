/**
 * The mini-map in the corner: every node as a block of its kind's colour and the part of the map in view,
 * painted on a small canvas. Press or drag on it to move the view there; the wheel zooms.
 *
 * React Flow's own MiniMap keeps a component and a store subscription per node; on a 1,000-asset map that was
 * 6,500 selectors run for every frame of a drag, about 30 ms (BENCHMARKS.md). This one paints when the nodes
 * or the view change, and not at all during a drag (the blocks catch up when it ends).
 */
import { memo, useEffect, useRef } from 'react';
import { Panel, useReactFlow, useStoreApi } from '@xyflow/react';
import { useFramePainter } from './useFramePainter';
import { nodeLook } from '../../look';
import type { FlowEdge, FlowNode } from './toFlow';

const WIDTH = 200;
const HEIGHT = 150;
const PAD = 6;

interface Props {
  nodes: FlowNode[];
  kindHidden: ReadonlySet<string>;
  /** False while a drag goes on: the blocks are not repainted meanwhile. */
  settled: boolean;
}

export const OverviewMap = memo(function OverviewMap({ nodes, kindHidden, settled }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi<FlowNode, FlowEdge>();
  const rf = useReactFlow<FlowNode, FlowEdge>();
  const shown = useRef<{ nodes: FlowNode[]; kindHidden: ReadonlySet<string> }>({ nodes, kindHidden });
  if (settled) shown.current = { nodes, kindHidden };
  // Flow coordinates of the last paint: scale and offset, for the pointer.
  const mapping = useRef({ scale: 1, ox: 0, oy: 0 });
  // Painted in a task of its own after the frame, so that it never lengthens the map canvas's frame (a layout
  // or an opening repaints both).
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const paintSoon = useFramePainter(() => {
    if (pending.current !== undefined) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      if (canvas.current) mapping.current = paintOverview(canvas.current, shown.current, store.getState());
    }, 0);
  });
  useEffect(() => () => clearTimeout(pending.current), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: paints from `shown`; new nodes or kinds call for a paint
  useEffect(() => {
    if (settled) paintSoon();
  }, [nodes, kindHidden, settled, paintSoon]);

  const toFlow = (e: { clientX: number; clientY: number }) => {
    const r = canvas.current!.getBoundingClientRect();
    const { scale, ox, oy } = mapping.current;
    return { x: (e.clientX - r.left - ox) / scale, y: (e.clientY - r.top - oy) / scale };
  };
  const moveTo = (e: { clientX: number; clientY: number }) => {
    const p = toFlow(e);
    void rf.setCenter(p.x, p.y, { zoom: rf.getZoom() });
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap am-minimap">
      <canvas
        ref={canvas}
        role="img"
        aria-label="Overview of the map"
        width={WIDTH}
        height={HEIGHT}
        style={{ width: WIDTH, height: HEIGHT }}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={(e) => {
          if (e.currentTarget.hasPointerCapture(e.pointerId)) moveTo(e);
        }}
        onWheel={(e) => {
          const zoom = rf.getZoom() * (e.deltaY < 0 ? 1.2 : 1 / 1.2);
          void rf.zoomTo(zoom);
        }}
      />
    </Panel>
  );
});

function paintOverview(
  el: HTMLCanvasElement,
  { nodes, kindHidden }: { nodes: FlowNode[]; kindHidden: ReadonlySet<string> },
  { transform: [tx, ty, k], width, height }: { transform: [number, number, number]; width: number; height: number },
) {
  const dpr = window.devicePixelRatio || 1;
  if (el.width !== WIDTH * dpr) {
    el.width = WIDTH * dpr;
    el.height = HEIGHT * dpr;
  }
  const ctx = el.getContext('2d')!;
  // What to show: every node, and the view (so that its frame is always on the mini-map).
  const view = { x: -tx / k, y: -ty / k, w: width / k, h: height / k };
  let x0 = view.x;
  let y0 = view.y;
  let x1 = view.x + view.w;
  let y1 = view.y + view.h;
  for (const n of nodes) {
    if (kindHidden.has(n.id)) continue;
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + (n.width ?? 0));
    y1 = Math.max(y1, n.position.y + (n.height ?? 0));
  }
  const scale = Math.min((WIDTH - 2 * PAD) / (x1 - x0 || 1), (HEIGHT - 2 * PAD) / (y1 - y0 || 1));
  const ox = (WIDTH - (x1 - x0) * scale) / 2 - x0 * scale;
  const oy = (HEIGHT - (y1 - y0) * scale) / 2 - y0 * scale;

  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  ctx.setTransform(dpr * scale, 0, 0, dpr * scale, dpr * ox, dpr * oy);
  // A block is at least about a pixel, so that a far-out map still shows. Blocks of one colour are one path,
  // filled once: a fill per block, with its colour set each time, was most of the mini-map's paint.
  const min = 1 / scale;
  const byColour = new Map<string, Path2D>();
  for (const n of nodes) {
    if (kindHidden.has(n.id)) continue;
    const colour = nodeLook(n.data.node.kind).border;
    let path = byColour.get(colour);
    if (!path) byColour.set(colour, (path = new Path2D()));
    path.rect(n.position.x, n.position.y, Math.max(n.width ?? 0, min), Math.max(n.height ?? 0, min));
  }
  for (const [colour, path] of byColour) {
    ctx.fillStyle = colour;
    ctx.fill(path);
  }
  // Dim what is out of view; frame what is in it.
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const vx = ox + view.x * scale;
  const vy = oy + view.y * scale;
  const vw = view.w * scale;
  const vh = view.h * scale;
  ctx.fillStyle = 'rgba(240, 242, 245, 0.6)';
  ctx.beginPath();
  ctx.rect(0, 0, WIDTH, HEIGHT);
  ctx.rect(vx, vy, vw, vh);
  ctx.fill('evenodd');
  ctx.strokeStyle = '#64748b';
  ctx.lineWidth = 1.5;
  ctx.strokeRect(vx, vy, vw, vh);
  return { scale, ox, oy };
}
