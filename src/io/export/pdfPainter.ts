/**
 * Marks (scene.ts) drawn on a jsPDF page as vectors: the PDF's map page. It draws what the SVG writer writes,
 * with jsPDF's own operators: rectangles, paths (our path data, read by svgpath into moves, lines and curves),
 * and text through pdfText.ts (Helvetica, or the embedded font each script needs, in visual order); a line's
 * anchor is its start, as on the screen: the right end of a right-to-left line.
 *
 * The page had been drawn by svg2pdf from the SVG, which parses it into a DOM, styles every element and measures
 * every line of text on a canvas of its own: 6–7 s for a 1,000-asset map, all on the page's main thread.
 */
import type { jsPDF } from 'jspdf';
import svgpath from 'svgpath';
import type { PdfText } from './pdfText';
import type { Mark, PathMark, RectMark, Scene, Stroke, TextMark } from './scene';

/** px to the page's units: the scene is drawn `scale` units per px with its top-left corner at (x, y). */
interface Place {
  x: number;
  y: number;
  scale: number;
}

/** Draws the scene on the current page of `pdf`. */
export function paintScenePdf(pdf: jsPDF, text: PdfText, scene: Scene, x: number, y: number, scale: number): void {
  pdf.saveGraphicsState();
  pdf.setLineMiterLimit(4);
  new PdfPainter(pdf, text, scene.shared).marks(scene.marks, { x, y, scale });
  pdf.restoreGraphicsState();
}

class PdfPainter {
  private textColour = '';

  constructor(
    private readonly pdf: jsPDF,
    private readonly writer: PdfText,
    private readonly shared: Map<string, Mark[]>,
  ) {}

  marks(marks: Mark[], at: Place): void {
    for (const m of marks) {
      switch (m.type) {
        case 'rect':
          this.rect(m, at);
          break;
        case 'path':
          this.path(m, at);
          break;
        case 'text':
          this.text(m, at);
          break;
        case 'use': {
          const shared = this.shared.get(m.id);
          if (shared) this.marks(shared, at);
          break;
        }
        case 'group': {
          const inner = { x: at.x + m.x * at.scale, y: at.y + m.y * at.scale, scale: at.scale };
          if (!m.clip) {
            this.marks(m.marks, inner);
            break;
          }
          const { pdf } = this;
          pdf.saveGraphicsState();
          const c = m.clip;
          pdf.rect(inner.x + c.x * inner.scale, inner.y + c.y * inner.scale, c.width * inner.scale, c.height * inner.scale, null);
          pdf.clip();
          pdf.discardPath();
          this.marks(m.marks, inner);
          pdf.restoreGraphicsState();
          this.textColour = '';
          this.line = { colour: '', width: -1, cap: '', join: '', dash: '' };
          this.fillColour = '';
          break;
        }
      }
    }
  }

  private rect(r: RectMark, at: Place): void {
    const { pdf } = this;
    const x = at.x + r.x * at.scale;
    const y = at.y + r.y * at.scale;
    const w = r.width * at.scale;
    const h = r.height * at.scale;
    this.fill(r.fill);
    if (r.stroke) this.stroke(r.stroke, at.scale);
    const style = r.stroke ? 'FD' : 'F';
    const radius = Math.min(r.r, r.width / 2, r.height / 2) * at.scale;
    if (radius > 0) pdf.roundedRect(x, y, w, h, radius, radius, style);
    else pdf.rect(x, y, w, h, style);
  }

  private path(p: PathMark, at: Place): void {
    const { pdf } = this;
    // Where a point of the path data lands on the page: through the icon's own placing first, if it has one.
    const inner = p.at ? { x: at.x + p.at.x * at.scale, y: at.y + p.at.y * at.scale, scale: at.scale * p.at.scale } : at;
    const X = (v: number) => inner.x + v * inner.scale;
    const Y = (v: number) => inner.y + v * inner.scale;
    let drawn = false;
    svgpath(p.d)
      .abs()
      .unarc()
      .unshort()
      .iterate((seg, _i, cx, cy) => {
        switch (seg[0]) {
          case 'M':
            pdf.moveTo(X(seg[1]), Y(seg[2]));
            break;
          case 'L':
            pdf.lineTo(X(seg[1]), Y(seg[2]));
            break;
          case 'H':
            pdf.lineTo(X(seg[1]), Y(cy));
            break;
          case 'V':
            pdf.lineTo(X(cx), Y(seg[1]));
            break;
          case 'C':
            pdf.curveTo(X(seg[1]), Y(seg[2]), X(seg[3]), Y(seg[4]), X(seg[5]), Y(seg[6]));
            break;
          case 'Q': {
            // A quadratic is the cubic with its control points two thirds of the way to the quadratic's one.
            const [, qx, qy, ex, ey] = seg;
            pdf.curveTo(X(cx + (2 / 3) * (qx - cx)), Y(cy + (2 / 3) * (qy - cy)), X(ex + (2 / 3) * (qx - ex)), Y(ey + (2 / 3) * (qy - ey)), X(ex), Y(ey));
            break;
          }
          case 'Z':
          case 'z':
            pdf.close();
            break;
        }
        drawn = true;
      });
    if (!drawn) return;
    if (p.fill) this.fill(p.fill);
    if (p.stroke) this.stroke(p.stroke, inner.scale);
    if (p.fill && p.stroke) pdf.fillStroke();
    else if (p.fill) pdf.fill();
    else if (p.stroke) pdf.stroke();
    else pdf.discardPath();
  }

  private fillColour = '';

  private fill(colour: string): void {
    if (colour !== this.fillColour) this.pdf.setFillColor((this.fillColour = colour));
  }

  /** The line state last set, so that thousands of edges of a few looks set it a few times. */
  private line = { colour: '', width: -1, cap: '', join: '', dash: '' };

  private stroke(s: Stroke, scale: number): void {
    const { pdf, line } = this;
    const width = (s.width ?? 1) * scale;
    const cap = s.cap ?? 'butt';
    const join = s.join ?? 'miter';
    const dash = s.dash ? s.dash.split(/[\s,]+/).map((v) => Number(v) * scale) : [];
    const dashKey = dash.join(' ');
    if (s.colour !== line.colour) pdf.setDrawColor((line.colour = s.colour));
    if (width !== line.width) pdf.setLineWidth((line.width = width));
    if (cap !== line.cap) pdf.setLineCap((line.cap = cap));
    if (join !== line.join) pdf.setLineJoin((line.join = join));
    if (dashKey !== line.dash) {
      line.dash = dashKey;
      pdf.setLineDashPattern(dash, 0);
    }
  }

  private text(t: TextMark, at: Place): void {
    // The colour is set when it changes: thousands of lines share a few.
    if (t.fill !== this.textColour) this.pdf.setTextColor((this.textColour = t.fill));
    // A right-to-left line's anchor is its right end (svgText.ts).
    // 'end' is the other side: the right end of a left-to-right line, the left end of a right-to-left one.
    const align = t.align === 'middle' ? 'center' : t.rtl !== (t.align === 'end') ? 'right' : 'left';
    this.writer.draw(t.text, at.x + t.x * at.scale, at.y + t.y * at.scale, {
      size: t.size * at.scale,
      bold: !!t.bold,
      align,
      direction: t.rtl ? 'rtl' : 'ltr',
      ...(t.spacing ? { charSpace: t.spacing * at.scale } : {}),
    });
    // Text is painted with the fill colour, which jsPDF sets to the text's for every line.
    this.fillColour = '';
  }
}

/** Every line of text a scene draws, with its weight. */
export function* sceneTexts(scene: Scene): Generator<{ text: string; bold: boolean }> {
  function* of(marks: Mark[]): Generator<{ text: string; bold: boolean }> {
    for (const m of marks) {
      if (m.type === 'text') yield { text: m.text, bold: !!m.bold };
      else if (m.type === 'group') yield* of(m.marks);
    }
  }
  yield* of(scene.marks);
  for (const marks of scene.shared.values()) yield* of(marks);
}
