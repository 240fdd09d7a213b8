/**
 * Layout: (document, options) -> positions and edge routes (layoutMap; runLayout runs it in a worker on the page),
 * and placement of new nodes. Imports only the model, src/look (node sizes, drawn edges) and dagre. No DOM types
 * (tsconfig.pure.json: runLayout declares the little of Worker it uses), no React.
 */
export * from './layoutMap';
export * from './place';
export * from './crossings';
export * from './runLayout';
