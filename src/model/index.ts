/**
 * The document layer: types, ids, pure queries and the commands that change a document.
 * Imports nothing from the other layers; no DOM, no React.
 */
export * from './types';
export * from './doc';
export * from './groups';
export * from './improvements';
export * from './ids';
export * from './commands';
export * from './rules';
export * from './bidi';
export * from './fragment';
export * from './diff';
export * from './neighbourhood';
export * from './tags';
export * from './ties';
export * from './examples';
export * from './random';
