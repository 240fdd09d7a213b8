/**
 * The look of a map, below the layout: what every painter asks so that the screen and the images match. It owns
 * the palette (theme.ts), text metrics, label wrapping and node sizes (measure.ts), a node's card (nodeLook.ts),
 * an edge's stroke (edgeStroke.ts), the drawn edges with their geometry (edges.ts), and the one spatial index
 * for boxes and segments (boxIndex.ts, on flatbush).
 *
 * Imports only src/model (and flatbush). Pure: no DOM, no React, no layout, io, store or ui; runs in workers and in Node.
 * Workers import the files they need, not this index.
 */
export * from './theme';
export * from './measure';
export * from './nodeLook';
export * from './edgeStroke';
export * from './edges';
export * from './boxIndex';
export * from './tagLook';
export * from './groups';
