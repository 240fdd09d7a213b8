/**
 * A recording stand-in for a 2D context and Path2D (a browser class): every stroke and fill, with the state it
 * was made in and the path data it drew.
 */

/** A path that keeps what was put in it: path data strings, and rectangles and lines as numbers. */
export class FakePath {
  readonly parts: string[] = [];
  readonly rects: [number, number, number, number][] = [];
  readonly points: [number, number][] = [];
  constructor(d?: string) {
    if (d !== undefined) this.parts.push(d);
  }
  addPath(p: FakePath) {
    this.parts.push(...p.parts);
  }
  rect(x: number, y: number, w: number, h: number) {
    this.rects.push([x, y, w, h]);
  }
  moveTo(x: number, y: number) {
    this.points.push([x, y]);
  }
  lineTo(x: number, y: number) {
    this.points.push([x, y]);
  }
  closePath() {}
}

export function installFakePath2D(): void {
  (globalThis as { Path2D?: unknown }).Path2D = FakePath;
}

export interface Stroked {
  colour: string;
  width: number;
  dash: number[];
  offset: number;
  cap: string;
  join: string;
  alpha: number;
  path: FakePath;
}

export interface Filled {
  colour: string;
  alpha: number;
  path: FakePath;
}

export function fakeContext() {
  const strokes: Stroked[] = [];
  const fills: Filled[] = [];
  const rings: { colour: string; width: number; rect: [number, number, number, number] }[] = [];
  let dash: number[] = [];
  const ctx = {
    transform: [1, 0, 0, 1, 0, 0],
    lineJoin: 'miter',
    lineCap: 'butt',
    lineWidth: 1,
    strokeStyle: '#000',
    fillStyle: '#000',
    globalAlpha: 1,
    lineDashOffset: 0,
    setTransform(a: number, b: number, c: number, d: number, e: number, f: number) {
      this.transform = [a, b, c, d, e, f];
    },
    clearRect() {},
    setLineDash(d: number[]) {
      dash = [...d];
    },
    stroke(path: FakePath) {
      strokes.push({ colour: this.strokeStyle, width: this.lineWidth, dash, offset: this.lineDashOffset, cap: this.lineCap, join: this.lineJoin, alpha: this.globalAlpha, path });
    },
    fill(path: FakePath) {
      fills.push({ colour: this.fillStyle, alpha: this.globalAlpha, path });
    },
    strokeRect(x: number, y: number, w: number, h: number) {
      rings.push({ colour: this.strokeStyle, width: this.lineWidth, rect: [x, y, w, h] });
    },
  };
  return { ctx, strokes, fills, rings };
}
