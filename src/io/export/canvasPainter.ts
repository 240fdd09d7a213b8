/**
 * Marks (scene.ts) painted on a 2D canvas: the PNG export's drawing. It paints what the SVG writer writes, with
 * SVG's defaults where the canvas differs (miter limit 4, strokes over fills, no stroke unless asked). Text is
 * drawn with `fillText`, which never reads markup; control characters are dropped and direction controls closed
 * as in the SVG. Paths are the same path data, read by Path2D.
 *
 * Painting a scene is some tens of thousands of canvas calls for a large map, which the browser records and
 * rasterises in large batches. Letting it parse, style and lay out the SVG of such a map as an image instead took
 * longer than the rest of the export put together (BENCHMARKS.md).
 */
import { FONT_STACK } from '../../look/measure';
import type { Mark, PathMark, RectMark, Scene, Stroke, TextMark } from './scene';
import { plainLine } from './svgText';

type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Paints the scene with its top-left corner at the canvas origin, `sx` × `sy` device pixels per unit. */
export function paintScene(ctx: Context, scene: Scene, sx: number, sy: number): void {
  ctx.save();
  ctx.scale(sx, sy);
  ctx.miterLimit = 4;
  ctx.textBaseline = 'alphabetic';
  new Painter(ctx, scene.shared).marks(scene.marks);
  ctx.restore();
}

class Painter {
  /** Path2D objects by path data: icons and shared headers repeat a handful of paths thousands of times. */
  private readonly paths = new Map<string, Path2D>();
  private font = '';

  constructor(
    private readonly ctx: Context,
    private readonly shared: Map<string, Mark[]>,
  ) {}

  marks(marks: Mark[]): void {
    for (const m of marks) {
      switch (m.type) {
        case 'rect':
          this.rect(m);
          break;
        case 'path':
          this.path(m);
          break;
        case 'text':
          this.text(m);
          break;
        case 'use': {
          const shared = this.shared.get(m.id);
          if (shared) this.marks(shared);
          break;
        }
        case 'group': {
          const { ctx } = this;
          if (!m.clip) {
            // No save and restore for thousands of nodes: they would also drop the font this painter tracks.
            ctx.translate(m.x, m.y);
            this.marks(m.marks);
            ctx.translate(-m.x, -m.y);
            break;
          }
          ctx.save();
          ctx.translate(m.x, m.y);
          ctx.beginPath();
          ctx.rect(m.clip.x, m.clip.y, m.clip.width, m.clip.height);
          ctx.clip();
          this.marks(m.marks);
          ctx.restore();
          this.font = '';
          break;
        }
      }
    }
  }

  private rect(r: RectMark): void {
    const { ctx } = this;
    ctx.beginPath();
    if (r.r) ctx.roundRect(r.x, r.y, r.width, r.height, Math.min(r.r, r.width / 2, r.height / 2));
    else ctx.rect(r.x, r.y, r.width, r.height);
    ctx.fillStyle = r.fill;
    ctx.fill();
    if (r.stroke) this.stroke(r.stroke);
  }

  private path(p: PathMark): void {
    const { ctx } = this;
    let path = p.at ? this.paths.get(p.d) : undefined;
    if (!path) {
      path = new Path2D(p.d);
      // Only repeated paths are kept: edge routes are drawn once each.
      if (p.at) this.paths.set(p.d, path);
    }
    // Moved and scaled there and back: save and restore cost more, and would drop the font this painter tracks.
    if (p.at) {
      ctx.translate(p.at.x, p.at.y);
      ctx.scale(p.at.scale, p.at.scale);
    }
    if (p.fill) {
      ctx.fillStyle = p.fill;
      ctx.fill(path);
    }
    if (p.stroke) this.stroke(p.stroke, path);
    if (p.at) {
      ctx.scale(1 / p.at.scale, 1 / p.at.scale);
      ctx.translate(-p.at.x, -p.at.y);
    }
  }

  private stroke(s: Stroke, path?: Path2D): void {
    const { ctx } = this;
    ctx.strokeStyle = s.colour;
    ctx.lineWidth = s.width ?? 1;
    ctx.lineCap = s.cap ?? 'butt';
    ctx.lineJoin = s.join ?? 'miter';
    if (s.dash) ctx.setLineDash(s.dash.split(/[\s,]+/).map(Number));
    if (path) ctx.stroke(path);
    else ctx.stroke();
    if (s.dash) ctx.setLineDash([]);
  }

  private text(t: TextMark): void {
    const { ctx } = this;
    const font = `${t.bold ? 'bold ' : ''}${t.size}px ${FONT_STACK}`;
    const spacing = t.spacing ? `${t.spacing}px` : '0px';
    const direction = t.rtl ? 'rtl' : 'ltr';
    // Each of these, set, makes the next fillText resolve its font again (a third of the export's time when set
    // for every line): only when they change.
    if (font !== this.font) ctx.font = this.font = font;
    if (spacing !== ctx.letterSpacing) ctx.letterSpacing = spacing;
    if (direction !== ctx.direction) ctx.direction = direction;
    ctx.textAlign = t.align === 'middle' ? 'center' : 'start';
    ctx.fillStyle = t.fill;
    ctx.fillText(plainLine(t.text), t.x, t.y);
  }
}
