/**
 * The worksheet as Markdown, in the toolkit's table form: the map's title and date, a table per category
 * (| Partnership | Strengths | Weaknesses | How can it be improved? |), and the Reflect answers. Tables follow
 * GitHub's Markdown, where a cell is one line: list items are joined with <br>, which GitHub renders as line
 * breaks. User text is data: characters Markdown or HTML would act on are escaped.
 */
import { ASSET_KIND_ORDER, type AssetMapDoc, type LedgerField, formatDay, getGroupMembers, getGroupsInOrder } from '../../model';
import { CATEGORY_NAMES, CATEGORY_PLURALS, COLUMN_IMPROVEMENTS, COLUMN_STRENGTHS, COLUMN_WEAKNESSES } from './categories';
import { oneLine } from './cells';
import { REFLECT_QUESTIONS } from './questions';
import { getWorksheetRows } from './worksheet';

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text inert inside a line of Markdown: HTML's & < > as entities, Markdown's inline markers (emphasis, code,
 * links, strikethrough, the table's pipe) behind a backslash.
 */
export function escapeInline(text: string): string {
  return oneLine(text)
    .replace(/[&<>]/g, (c) => HTML[c]!)
    .replace(/[\\`*_[\]|~]/g, '\\$&');
}

/** A line of a paragraph: inline escapes, plus the markers that would make the line a heading or a list. */
export function escapeLine(line: string): string {
  const text = escapeInline(line.trim());
  return text.replace(/^(#|[-+=]|\d+(?=[.)]))/, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

const cellOf = (items: readonly string[]) => items.map(escapeInline).join('<br>');

export interface MarkdownOptions {
  /** The date shown under the title; today unless given. */
  date?: Date;
  /** The locale ledger dates are written in; the user's unless given. */
  locale?: string;
}

/** The ledger as one table, for the assets that have one. */
function ledgerTable(rows: ReturnType<typeof getWorksheetRows>, locale?: string): string[] {
  const withLedger = rows.filter((r) => r.ledger);
  if (!withLedger.length) return [];
  const cell = (r: (typeof rows)[number], field: LedgerField) => {
    const v = r.ledger?.[field]?.value;
    if (v === undefined) return '';
    if (Array.isArray(v)) return cellOf(v);
    return DATE_FIELDS.has(field) ? escapeInline(formatDay(v, locale)) : escapeInline(v);
  };
  const out = ['', '## Relationship ledger', '', '| Name | Contact owner | Last contact | Next step | Next step due | Partnership type | Status |', '|---|---|---|---|---|---|---|'];
  for (const r of withLedger) {
    const type = cell(r, 'partnershipType');
    const season = r.ledger?.seasonStart && r.ledger.seasonEnd ? ` (${escapeInline(formatDay(r.ledger.seasonStart.value as string, locale))} – ${escapeInline(formatDay(r.ledger.seasonEnd.value as string, locale))})` : '';
    out.push(`| ${escapeInline(r.name)} | ${cell(r, 'contactOwners')} | ${cell(r, 'lastContact')} | ${cell(r, 'nextStep')} | ${cell(r, 'nextStepDue')} | ${type}${season} | ${cell(r, 'partnershipStatus')} |`);
  }
  return out;
}

/** The groups, each with its assets. */
function groupList(doc: AssetMapDoc): string[] {
  const members = getGroupMembers(doc);
  const groups = getGroupsInOrder(doc).filter((g) => members.get(g.id)?.length);
  if (!groups.length) return [];
  const out = ['', '## Groups', ''];
  for (const g of groups) {
    const list = members.get(g.id)!;
    out.push(`- **${escapeInline(g.name)}** (${list.length} ${list.length === 1 ? 'asset' : 'assets'}${g.collapsed ? ', collapsed' : ''}): ${list.map((a) => escapeInline(a.label)).join(', ')}`);
  }
  return out;
}

const DATE_FIELDS = new Set<LedgerField>(['lastContact', 'nextStepDue', 'seasonStart', 'seasonEnd']);

export function writeMarkdown(doc: AssetMapDoc, options: MarkdownOptions = {}): string {
  // The user's own calendar day, not UTC's.
  const d = options.date ?? new Date();
  const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const out: string[] = [`# ${escapeLine(doc.title) || 'Untitled map'}`, '', `Internal asset map, ${date}`];
  const rows = getWorksheetRows(doc);
  for (const kind of ASSET_KIND_ORDER) {
    const ofKind = rows.filter((r) => r.kind === kind);
    if (!ofKind.length) continue;
    out.push('', `## ${CATEGORY_PLURALS[kind]}`, '');
    out.push(`| ${CATEGORY_NAMES[kind]} | ${COLUMN_STRENGTHS} | ${COLUMN_WEAKNESSES} | ${COLUMN_IMPROVEMENTS} |`, '|---|---|---|---|');
    for (const r of ofKind) {
      out.push(`| ${escapeInline(r.name)} | ${cellOf(r.strengths)} | ${cellOf(r.weaknesses)} | ${cellOf(r.improvements)} |`);
    }
  }
  out.push(...groupList(doc));
  out.push(...ledgerTable(rows, options.locale));
  out.push('', '## Reflect');
  REFLECT_QUESTIONS.forEach((q, i) => {
    out.push('', `### ${i + 1}. ${q.text}`, '');
    const answer = doc.reflect[q.id]?.trim();
    if (!answer) {
      out.push('*Not answered yet.*');
      return;
    }
    // Blank lines part paragraphs; a single line break inside one is kept as a hard break.
    const paragraphs = answer.split(/\r?\n\s*\r?\n|\r\s*\r/).map((p) => p.split(/\r\n|\r|\n/).map(escapeLine).filter(Boolean).join('<br>\n'));
    out.push(paragraphs.filter(Boolean).join('\n\n'));
  });
  return out.join('\n') + '\n';
}
