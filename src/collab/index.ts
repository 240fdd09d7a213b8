/**
 * Shared maps: the binding between a DocStore and a Yjs document (and, later, the client that talks to the
 * server). No React, no DOM. Imports model, io and store; nothing imports it eagerly: the app loads it on
 * demand, so that a first visit stays small.
 */
export * from './binding';
export { SharedMapDoc, getRoots } from './yMap';
