/**
 * Groups as marks, drawn as the screen draws them (look/groups.ts): an open group is a frame around its members
 * with its name and count on a bar along the top, under everything else; a collapsed group is one card with its
 * name and how many assets it holds, where its members would be.
 */
import {
  FRAME_COLOUR,
  FRAME_LABEL,
  FRAME_LABEL_FILL,
  FRAME_LABEL_SIZE,
  FRAME_PAPER,
  FRAME_TEXT,
  type GroupFrame,
  assetCount,
  collapsedLook,
  frameLabelLine,
} from '../../look/groups';
import { textWidth } from '../../look/measure';
import type { Mark } from './scene';
import { alignedLine, isRtl } from './svgText';

const COUNT_SIZE = 12;
const CARD_FILL = '#f1f5f9';
const MUTED = '#475569';

/** An open group's frame, with its name: drawn under the edges and nodes. */
export function frameMarks(f: GroupFrame): Mark[] {
  const { x, y, width, height } = f.box;
  const count = assetCount(f.members.length);
  const countWidth = textWidth(count, COUNT_SIZE) + 10;
  const name = frameLabelLine(f.group.name, width - countWidth - 10);
  const baseline = y + FRAME_LABEL / 2 + FRAME_LABEL_SIZE * 0.36;
  return [
    { type: 'rect', x, y, width, height, r: 10, fill: FRAME_PAPER, stroke: { colour: FRAME_COLOUR, width: 2 } },
    { type: 'rect', x: x + 1, y: y + 1, width: width - 2, height: FRAME_LABEL - 1, r: 9, fill: FRAME_LABEL_FILL },
    alignedLine(name, { left: x + 12, right: x + width - countWidth, baseline }, { size: FRAME_LABEL_SIZE, bold: true, fill: FRAME_TEXT }, isRtl(name)),
    { type: 'text', text: count, x: x + width - 10, y: baseline, align: 'end', rtl: false, size: COUNT_SIZE, fill: MUTED },
  ];
}

/** A collapsed group's card: drawn among the nodes. */
export function cardMarks(f: GroupFrame): Mark[] {
  const { x, y, width, height } = f.box;
  const look = collapsedLook(f.group.name);
  const marks: Mark[] = [
    { type: 'rect', x: x + 3, y: y + 3, width, height, r: 10, fill: '#cbd5e1' },
    { type: 'rect', x, y, width, height, r: 10, fill: CARD_FILL, stroke: { colour: FRAME_COLOUR, width: 2 } },
    { type: 'text', text: `GROUP · ${assetCount(f.members.length).toUpperCase()}`, x: x + look.padX, y: y + look.padY + look.header / 2 + 10.5 * 0.36, align: 'start', rtl: false, size: 10.5, bold: true, spacing: 0.5, fill: MUTED },
  ];
  const rtl = isRtl(look.lines[0] ?? '');
  look.lines.forEach((line, i) => {
    const baseline = y + look.padY + look.header + i * look.lineHeight + look.lineHeight * 0.75;
    marks.push(alignedLine(line, { left: x + look.padX, right: x + width - look.padX, baseline }, { size: look.fontSize, bold: true, fill: FRAME_TEXT }, rtl));
  });
  return marks;
}
