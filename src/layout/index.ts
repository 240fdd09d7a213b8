/**
 * Layout: (document, options) -> positions and edge routes, and placement of new nodes.
 * Imports only the model and src/look (node sizes, drawn edges). Pure: no DOM, no React; runs in a worker as well
 * as on the main thread.
 */
export * from './layoutMap';
export * from './place';
export * from './crossings';
export * from './runLayout';
