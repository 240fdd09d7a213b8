/**
 * Next steps as an iCalendar file (RFC 5545): one all-day event per next step with a due date, so that a
 * colleague can put the partnerships' next steps in their own calendar. Text is escaped as the format asks, and
 * long lines are folded at 75 bytes without cutting a character in two.
 */
import { type AssetMapDoc, getAssets } from '../../model';

const CRLF = '\r\n';

/** TEXT values: backslash, semicolon and comma behind a backslash; line breaks as \n; other controls dropped. */
export function icsText(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/** Folds a content line to at most 75 bytes a line, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = out.length ? 74 : 75;
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

const compactDate = (iso: string) => iso.replace(/-/g, '');
const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export interface IcsOptions {
  /** When the file was made (DTSTAMP); now unless given. */
  now?: Date;
}

/** Every next step with a due date, of partnerships that have not ended, as events. */
export function writeNextStepsIcs(doc: AssetMapDoc, options: IcsOptions = {}): string {
  const stamp = (options.now ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Asset Map//Next steps//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${icsText(`${doc.title}: next steps`)}`];
  for (const a of getAssets(doc)) {
    if (!a.nextStepDue || a.partnershipStatus === 'ended') continue;
    const owners = (a.contactOwners ?? []).map((id) => doc.nodes[id]?.label).filter(Boolean);
    const summary = a.nextStep ? `${a.nextStep} (${a.label})` : `Next step with ${a.label}`;
    const description = [`${doc.title}: the next step with ${a.label}.`, owners.length ? `Contact owner: ${owners.join(', ')}.` : 'No contact owner yet.'].join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icsText(`${doc.id}-${a.id}-${a.nextStepDue}`)}@asset-map`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(a.nextStepDue)}`,
      `DTEND;VALUE=DATE:${compactDate(nextDay(a.nextStepDue))}`,
      `SUMMARY:${icsText(summary)}`,
      `DESCRIPTION:${icsText(description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
