/** Next steps as a calendar file that a calendar library reads back event by event. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands, emptyDoc } from '../../../src/model';
import { writeNextStepsIcs } from '../../../src/io/sheets';
import { foldLine } from '../../../src/io/sheets/ics';

const dir = mkdtempSync(join(tmpdir(), 'assetmap-ics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Debian's python3-icalendar (scripts/system-deps.sh installs it) parses the file; a bad file throws. */
function readWithIcalendar(text: string) {
  const file = join(dir, 'steps.ics');
  writeFileSync(file, text, 'utf8');
  const script = [
    'import json, sys, icalendar',
    'cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())',
    'events = [{"uid": str(e["UID"]), "start": e["DTSTART"].dt.isoformat(), "end": e["DTEND"].dt.isoformat(), "summary": str(e["SUMMARY"]), "description": str(e["DESCRIPTION"])} for e in cal.walk("VEVENT")]',
    'print(json.dumps(events, ensure_ascii=False))',
  ].join('\n');
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })) as { uid: string; start: string; end: string; summary: string; description: string }[];
}

function map() {
  const doc = emptyDoc('Riverbend; “Library”', 'map_ics');
  commands.addAsset(doc, { id: 'maria', kind: 'staff', label: 'Maria, López', x: 0, y: 0 });
  commands.addAsset(doc, { id: 'church', kind: 'partner', label: 'انجمن فرهنگی ایرانیان', x: 0, y: 0 });
  commands.addAsset(doc, { id: 'school', kind: 'partner', label: 'High school', x: 0, y: 0 });
  commands.addAsset(doc, { id: 'ended', kind: 'partner', label: 'Old museum', x: 0, y: 0 });
  commands.updateNode(doc, { id: 'church', patch: { nextStep: 'Ask about the minibus; bring the flyer, and the map\nsecond line', nextStepDue: '2026-12-31', contactOwners: ['maria'] } });
  commands.updateNode(doc, { id: 'school', patch: { nextStepDue: '2027-01-15' } });
  commands.updateNode(doc, { id: 'ended', patch: { nextStepDue: '2027-01-20', partnershipStatus: 'ended' } });
  return doc;
}

describe('next steps as iCalendar', () => {
  it('one all-day event per next step due, read back with every character', () => {
    const events = readWithIcalendar(writeNextStepsIcs(map(), { now: new Date('2026-12-06T12:00:00Z') }));
    expect(events).toEqual([
      {
        uid: 'map_ics-church-2026-12-31@asset-map',
        start: '2026-12-31',
        end: '2027-01-01',
        summary: 'Ask about the minibus; bring the flyer, and the map\nsecond line (انجمن فرهنگی ایرانیان)',
        description: 'Riverbend; “Library”: the next step with انجمن فرهنگی ایرانیان.\nContact owner: Maria, López.',
      },
      {
        uid: 'map_ics-school-2027-01-15@asset-map',
        start: '2027-01-15',
        end: '2027-01-16',
        summary: 'Next step with High school',
        description: 'Riverbend; “Library”: the next step with High school.\nNo contact owner yet.',
      },
    ]);
  });

  it('lines are CRLF, at most 75 bytes, folded between characters', () => {
    const text = writeNextStepsIcs(map());
    const lines = text.split('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const l of lines) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    const folded = foldLine(`SUMMARY:${'ی'.repeat(60)}`);
    expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'ی'.repeat(60)}`);
  });
});
