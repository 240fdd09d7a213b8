/**
 * The worksheet as a printable table, independent of any PDF library: the rows (one per asset, by category,
 * columns Name | Strengths | Weaknesses | How can it be improved?) and their placement on pages. Text is wrapped
 * by a function the caller passes (the PDF's real font metrics; an estimate in tests). A row that does not fit
 * moves to the next page; only a row taller than a whole page is split. Every page repeats the column header.
 */
import { ASSET_KIND_ORDER, type AssetKind, type AssetMapDoc, getAssets, getAttachmentIndex } from '../../model';
import { CATEGORY_NAMES } from '../sheets/categories';
import { ledgerLines } from '../sheets/ledger';

export const WORKSHEET_COLUMNS = ['Strengths', 'Weaknesses', 'How can it be improved?'] as const;

export interface WorksheetRow {
  id: string;
  name: string;
  strengths: string[];
  weaknesses: string[];
  /** Improvements of the asset, then those of each of its weaknesses. */
  improvements: string[];
  /** The relationship ledger in words, printed under the name. */
  ledger: string[];
}

export interface WorksheetSection {
  kind: AssetKind;
  category: string;
  rows: WorksheetRow[];
}

/** The worksheet's sections in the toolkit's order; categories with no asset are left out. */
export function worksheetTableRows(doc: AssetMapDoc, locale?: string): WorksheetSection[] {
  const index = getAttachmentIndex(doc);
  const assets = getAssets(doc);
  const sections: WorksheetSection[] = [];
  for (const kind of ASSET_KIND_ORDER) {
    const name = CATEGORY_NAMES[kind];
    const rows = assets
      .filter((a) => a.kind === kind)
      .map((a): WorksheetRow => {
        const items = index.get(a.id) ?? [];
        const weaknesses = items.filter((n) => n.kind === 'weakness');
        return {
          id: a.id,
          name: a.label,
          strengths: items.filter((n) => n.kind === 'strength').map((n) => n.label),
          weaknesses: weaknesses.map((n) => n.label),
          improvements: [
            ...items.filter((n) => n.kind === 'improvement'),
            ...weaknesses.flatMap((w) => (index.get(w.id) ?? []).filter((n) => n.kind === 'improvement')),
          ].map((n) => n.label),
          ledger: ledgerLines(doc, a, locale),
        };
      });
    if (rows.length) sections.push({ kind, category: name, rows });
  }
  return sections;
}

/** Wraps text into lines no wider than `width` (in the table's units). */
export type SplitText = (text: string, width: number) => string[];

export interface TableLayout {
  /** Usable vertical space on every page: from `top` to `bottom`. */
  top: number;
  bottom: number;
  /** Extra space taken at the top of the first page (the worksheet's title). */
  firstPageOffset: number;
  /** Widths of the four columns. */
  columns: [number, number, number, number];
  padX: number;
  padY: number;
  lineHeight: number;
  headerHeight: number;
  /** Space above a category's header, except at the top of a page. */
  sectionGap: number;
  /** Indent of a list item's wrapped lines, after its bullet. */
  bulletIndent: number;
}

/** A line in a cell; list items start with a bullet, and their wrapped lines are indented. */
export interface CellLine {
  text: string;
  bullet: boolean;
  indent: boolean;
}

export type TablePiece =
  | { type: 'header'; category: string; continued: boolean; y: number; height: number }
  | { type: 'row'; id: string; cells: CellLine[][]; continued: boolean; y: number; height: number };

/** The lines of each cell of a row. */
export function rowLines(row: WorksheetRow, layout: TableLayout, split: SplitText): CellLine[][] {
  const plain = (text: string, width: number): CellLine[] =>
    split(text, width).map((t) => ({ text: t, bullet: false, indent: false }));
  const list = (items: string[], width: number): CellLine[] =>
    items.flatMap((item) =>
      split(item, width - layout.bulletIndent).map((t, i) => ({ text: t, bullet: i === 0, indent: i > 0 })),
    );
  const inner = (i: number) => Math.max(1, layout.columns[i]! - 2 * layout.padX);
  return [
    [...plain(row.name, inner(0)), ...row.ledger.flatMap((line) => plain(line, inner(0)))],
    list(row.strengths, inner(1)),
    list(row.weaknesses, inner(2)),
    list(row.improvements, inner(3)),
  ];
}

const rowHeight = (cells: CellLine[][], layout: TableLayout) =>
  Math.max(1, ...cells.map((c) => c.length)) * layout.lineHeight + 2 * layout.padY;

/** Places the sections on pages. Each page is a list of pieces with their y positions. */
export function paginateWorksheet(sections: WorksheetSection[], layout: TableLayout, split: SplitText): TablePiece[][] {
  const pages: TablePiece[][] = [[]];
  let page = pages[0]!;
  let y = layout.top + layout.firstPageOffset;
  // Rows that fit in a fresh page (below a header) are never split.
  const fresh = layout.bottom - layout.top - layout.headerHeight;
  const newPage = (category: string) => {
    page = [];
    pages.push(page);
    y = layout.top;
    page.push({ type: 'header', category, continued: true, y, height: layout.headerHeight });
    y += layout.headerHeight;
  };

  for (const section of sections) {
    const firstRow = section.rows[0] ? rowHeight(rowLines(section.rows[0], layout, split), layout) : 0;
    const gap = page.length ? layout.sectionGap : 0;
    // A header alone at the foot of a page is no use: it goes with its first row (or a line of it).
    const needed = gap + layout.headerHeight + Math.min(firstRow, layout.lineHeight + 2 * layout.padY);
    if (page.length && y + needed > layout.bottom) {
      page = [];
      pages.push(page);
      y = layout.top;
    } else {
      y += gap;
    }
    page.push({ type: 'header', category: section.category, continued: false, y, height: layout.headerHeight });
    y += layout.headerHeight;

    for (const row of section.rows) {
      let cells = rowLines(row, layout, split);
      let continued = false;
      for (;;) {
        const h = rowHeight(cells, layout);
        if (y + h <= layout.bottom) {
          page.push({ type: 'row', id: row.id, cells, continued, y, height: h });
          y += h;
          break;
        }
        // On a page with nothing but its header, at least one line goes, so that the loop always ends.
        const atTop = page.length === 1 && page[0]!.type === 'header' && y === page[0]!.y + layout.headerHeight;
        const fits = Math.max(atTop ? 1 : 0, Math.floor((layout.bottom - y - 2 * layout.padY) / layout.lineHeight));
        if (h > fresh && fits >= 1) {
          // Taller than any page: fill this one and carry on with the rest.
          const head = cells.map((c) => c.slice(0, fits));
          page.push({ type: 'row', id: row.id, cells: head, continued, y, height: rowHeight(head, layout) });
          y += rowHeight(head, layout);
          cells = cells.map((c) => c.slice(fits));
          continued = true;
          if (cells.every((c) => c.length === 0)) break;
        }
        newPage(section.category);
      }
    }
  }
  return pages;
}
