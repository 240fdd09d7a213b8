/**
 * Marks (scene.ts) as an SVG document. Numbers are written with one decimal; user text goes through `textSvg`,
 * which escapes it; every other attribute value is made by the app.
 */
import type { Mark, PathMark, RectMark, Scene, Stroke } from './scene';
import { FONT_STACK } from '../../layout';
import { num } from './svgGeometry';
import { type TextTarget, textSvg } from './svgText';
import { xmlText } from './xmlText';

/** The scene as a standalone SVG; `metadata` (an SVG <metadata> element, or '') follows the title. */
export function sceneSvg(scene: Scene, target: TextTarget, metadata = ''): string {
  const { width, height } = scene;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_STACK}" role="img">`,
    `<title>${xmlText(scene.title)}</title>`,
    metadata,
  ];
  if (scene.shared.size) {
    out.push('<defs>');
    for (const [id, marks] of scene.shared) {
      out.push(`<g id="${id}">`);
      writeMarks(marks, target, out, { clips: 0 });
      out.push('</g>');
    }
    out.push('</defs>');
  }
  writeMarks(scene.marks, target, out, { clips: 0 });
  out.push('</svg>');
  return out.join('');
}

function writeMarks(marks: Mark[], target: TextTarget, out: string[], ids: { clips: number }): void {
  for (const m of marks) {
    switch (m.type) {
      case 'rect':
        out.push(rectSvg(m));
        break;
      case 'path':
        out.push(pathSvg(m));
        break;
      case 'text':
        out.push(textSvg(m, target));
        break;
      case 'use':
        out.push(`<use href="#${m.id}"/>`);
        break;
      case 'group': {
        let attrs = m.x || m.y ? ` transform="translate(${num(m.x)} ${num(m.y)})"` : '';
        if (m.clip) {
          const id = ids.clips++ ? `assetmap-view-${ids.clips}` : 'assetmap-view';
          const c = m.clip;
          out.push(`<clipPath id="${id}"><rect x="${num(c.x)}" y="${num(c.y)}" width="${num(c.width)}" height="${num(c.height)}"/></clipPath>`);
          attrs += ` clip-path="url(#${id})"`;
        }
        out.push(`<g${attrs}>`);
        writeMarks(m.marks, target, out, ids);
        out.push('</g>');
        break;
      }
    }
  }
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
