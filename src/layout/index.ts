/**
 * Layout: (document, options) -> positions and edge routes (layoutMap; runLayout runs it in a worker on the page),
 * placement of new nodes, and the metrics, colours and edge geometry every renderer shares.
 * Imports only the model (src/look is allowed too) and dagre. No DOM types (tsconfig.pure.json: runLayout declares
 * the little of Worker it uses), no React.
 */
export * from './measure';
export * from './layoutMap';
export * from './place';
export * from './theme';
export * from './edges';
export * from './crossings';
export * from './runLayout';
