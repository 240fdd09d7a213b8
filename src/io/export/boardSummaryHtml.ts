/**
 * The board summary (boardSummary.ts) as one self-contained web page: its styles inside, the map's picture as
 * inline SVG (the image export's), no script and nothing fetched, so it opens in any browser offline and prints
 * on two pages. Every piece of user text is escaped and set `dir="auto"`, so that a Farsi or Hebrew name reads
 * from the right wherever it stands.
 */
import type { AssetMapDoc } from '../../model';
import type { BoardSummary } from './boardSummary';
import { type BoardSummaryPdfOptions, summaryOf } from './boardSummaryPdf';
import { renderMapSvg } from './renderSvg';
import { xmlText } from './xmlText';

const STYLE = `
:root { color-scheme: light; --ink: #1e293b; --muted: #475569; --accent: #1d4ed8; --rule: #cbd5e1; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 860px; padding: 32px 24px 48px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", Roboto, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 28px; line-height: 1.2; margin: 0 0 4px; }
.date { color: var(--muted); margin: 0 0 20px; }
figure { margin: 0 0 20px; border: 1px solid var(--rule); border-radius: 8px; padding: 8px; }
figure svg { display: block; width: 100%; height: auto; max-height: 520px; }
.counts { display: flex; flex-wrap: wrap; gap: 10px 28px; list-style: none; padding: 0; margin: 0 0 12px; }
.counts b { display: block; font-size: 24px; line-height: 1.1; }
.counts span { color: var(--muted); font-size: 13px; }
h2 { color: var(--accent); font-size: 18px; margin: 26px 0 4px; }
.lead { color: var(--muted); margin: 0 0 8px; }
ul.items { margin: 0; padding-inline-start: 20px; }
ul.items li { margin: 0 0 8px; }
ul.items p { margin: 0; }
.more { color: var(--muted); font-size: 14px; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--rule); padding-top: 8px; }
@media print { body { padding: 0; max-width: none; } figure { break-inside: avoid; } h2 { break-after: avoid; } li { break-inside: avoid; } }
@page { margin: 16mm; }
`;

const t = (s: string) => xmlText(s);

export function boardSummaryHtml(summary: BoardSummary, mapSvg: string): string {
  const sections = summary.sections
    .map((s) => {
      const items = s.items.length
        ? `<ul class="items">${s.items
            .map((i) => `<li><p dir="auto"><b>${t(i.name)}</b></p>${i.details.map((d) => `<p dir="auto">${t(d)}</p>`).join('')}</li>`)
            .join('')}</ul>`
        : '';
      const more = s.more ? `<p class="more">And ${s.more} more (see Insights in Asset Map).</p>` : '';
      return `<section><h2 dir="auto">${t(s.heading)}</h2><p class="lead" dir="auto">${t(s.lead)}</p>${items}${more}</section>`;
    })
    .join('\n');
  const counts = summary.counts.map((c) => `<li><b>${c.count}</b><span>${t(c.label)}</span></li>`).join('');
  // The SVG file's XML declaration has no place inside a page.
  const svg = mapSvg.replace(/^<\?xml[^>]*\?>\s*/, '');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Asset Map">
<title>${t(`${summary.title} – board summary`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1 dir="auto">${t(summary.title)}</h1><p class="date">Board summary · ${t(summary.date)}</p></header>
<figure aria-label="The asset map">${svg}</figure>
<ul class="counts" aria-label="What the map holds">${counts}</ul>
<p dir="auto">${t(summary.overview)}</p>
${sections}
<footer>Made with Asset Map from the map “<span dir="auto">${t(summary.title)}</span>”.</footer>
</body>
</html>
`;
}

/** The board summary of a map as a web page; the same content as the PDF. */
export function exportBoardSummaryHtml(doc: AssetMapDoc, options: Omit<BoardSummaryPdfOptions, 'paper'>): string {
  const summary = summaryOf(doc, options);
  const svg = Object.keys(doc.nodes).length ? renderMapSvg(doc, { background: 'white', title: false, legend: true, embed: false }) : '';
  return boardSummaryHtml(summary, svg);
}
