/**
 * Marks (scene.ts) as an SVG document. Numbers are written with one decimal; user text goes through `textSvg`,
 * which escapes it; every other attribute value is made by the app.
 */
import type { Mark, PathMark, RectMark, Scene, Stroke } from './scene';
import { FONT_STACK } from '../../look/measure';
import { num } from './svgGeometry';
import { textSvg } from './svgText';
import { xmlText } from './xmlText';

/** The scene as a standalone SVG; `metadata` (an SVG <metadata> element, or '') follows the title. */
export function sceneSvg(scene: Scene, metadata = ''): string {
  const { width, height } = scene;
  let out =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_STACK}" role="img">` +
    `<title>${xmlText(scene.title)}</title>${metadata}`;
  const clips = { count: 0 };
  if (scene.shared.size) {
    out += '<defs>';
    for (const [id, marks] of scene.shared) out += `<g id="${id}">${marksSvg(marks, clips)}</g>`;
    out += '</defs>';
  }
  return `${out}${marksSvg(scene.marks, clips)}</svg>`;
}

// Strings are joined with +=, which V8 keeps as ropes until the end: for a large map an array of a hundred
// thousand pieces and its join cost half as much again, most of it in garbage collection.
function marksSvg(marks: Mark[], clips: { count: number }): string {
  let out = '';
  for (const m of marks) {
    switch (m.type) {
      case 'rect':
        out += rectSvg(m);
        break;
      case 'path':
        out += pathSvg(m);
        break;
      case 'text':
        out += textSvg(m);
        break;
      case 'use':
        out += `<use href="#${m.id}"/>`;
        break;
      case 'group': {
        let attrs = m.x || m.y ? ` transform="translate(${num(m.x)} ${num(m.y)})"` : '';
        if (m.clip) {
          const id = clips.count++ ? `assetmap-view-${clips.count}` : 'assetmap-view';
          const c = m.clip;
          out += `<clipPath id="${id}"><rect x="${num(c.x)}" y="${num(c.y)}" width="${num(c.width)}" height="${num(c.height)}"/></clipPath>`;
          attrs += ` clip-path="url(#${id})"`;
        }
        out += `<g${attrs}>${marksSvg(m.marks, clips)}</g>`;
        break;
      }
    }
  }
  return out;
}

function strokeAttrs(s: Stroke | undefined): string {
  if (!s) return '';
  let a = ` stroke="${s.colour}"`;
  if (s.width !== undefined) a += ` stroke-width="${s.width}"`;
  if (s.dash) a += ` stroke-dasharray="${s.dash}"`;
  if (s.cap) a += ` stroke-linecap="${s.cap}"`;
  if (s.join) a += ` stroke-linejoin="${s.join}"`;
  return a;
}

/** Rectangles keep a second decimal: borders sit half their width inside a box (0.75 for a 1.5 px border). */
const fine = (n: number): string => String(Math.round(n * 100) / 100 || 0);

function rectSvg(r: RectMark): string {
  const corner = r.r ? ` rx="${r.r}"` : '';
  const at = (r.x ? ` x="${fine(r.x)}"` : '') + (r.y ? ` y="${fine(r.y)}"` : '');
  return `<rect${at} width="${num(r.width)}" height="${num(r.height)}"${corner} fill="${r.fill}"${strokeAttrs(r.stroke)}/>`;
}

function pathSvg(p: PathMark): string {
  const at = p.at ? ` transform="translate(${num(p.at.x)} ${num(p.at.y)}) scale(${p.at.scale})"` : '';
  return `<path d="${p.d}"${at} fill="${p.fill ?? 'none'}"${strokeAttrs(p.stroke)}/>`;
}
