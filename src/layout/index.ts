/**
 * Layout: (document, options) -> positions and edge routes, and the metrics every renderer shares.
 * Imports only the model. Pure: no DOM, no React; runs in a worker as well as on the main thread.
 */
export * from './measure';
export * from './layoutMap';
export * from './place';
export * from './theme';
export * from './edges';
export * from './crossings';
export * from './runLayout';
