/**
 * The store layer: commands with undo history, the workspace of maps, and saving them. No React, no DOM
 * beyond IndexedDB. Imports model, layout and io.
 */
export * from './docStore';
export * from './persist';
export * from './workspace';
