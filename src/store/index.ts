/**
 * The store layer: the document store (dispatch runs the model's commands and keeps their undo history), the
 * workspace of maps, and saving them (IndexedDB, with a localStorage journal). No React.
 * Imports the model and the layout (io and analysis are allowed too); never src/collab or src/ui.
 */
export * from './docStore';
export * from './persist';
export * from './workspace';
