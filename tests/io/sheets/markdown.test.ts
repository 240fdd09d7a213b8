import { describe, expect, it } from 'vitest';
import { SUNNYDALE, buildExample, commands, emptyDoc } from '../../../src/model';
import { REFLECT_QUESTIONS, writeMarkdown } from '../../../src/io/sheets';
import { escapeInline } from '../../../src/io/sheets/markdown';

const date = new Date(2025, 2, 14, 10, 0);

describe('Markdown export', () => {
  const doc = buildExample(SUNNYDALE, 'map_s');
  doc.reflect = { leverage: 'Ask the PTA about the gym.\n\nTalk to the Friends group *first*.', notice: '# of partners: 5' };
  const md = writeMarkdown(doc, { date });

  it('has the title and date, and the seed\'s table form, one table per category', () => {
    expect(md.startsWith('# Sunnydale Public Library\n\nInternal asset map, 2025-03-14\n\n## Partnerships\n\n')).toBe(true);
    expect(md).toContain(
      [
        '| Partnership | Strengths | Weaknesses | How can it be improved? |',
        '|---|---|---|---|',
        '| Neighborhood Association 1 | Many bilingual - English/Farsi Speakers | Distance from library makes it difficult to volunteer | Work with the association to organize a carpool for volunteers |',
        '| School Partnership | Teachers<br>PTA<br>Gym and Auditorium spaces | Busy schedule makes coordination difficult | Work with the teachers and PTA to make a shared calendar that is updated weekly |',
      ].join('\n'),
    );
    expect(md).toContain('## Staff\n\n| Staff | Strengths | Weaknesses | How can it be improved? |');
    expect(md).toContain('## Spaces\n\n| Space |');
    expect(md).toContain('## Material resources\n\n| Material resource |');
    expect(md).toContain("| Children's Services staff | Knowledgeable in early literacy |");
    expect(md).not.toContain('## Programs');
  });

  it('ends with the four Reflect questions and the answers', () => {
    const reflect = md.slice(md.indexOf('## Reflect'));
    for (const [i, q] of REFLECT_QUESTIONS.entries()) expect(reflect).toContain(`### ${i + 1}. ${q.text}`);
    expect(reflect).toContain('Ask the PTA about the gym.\n\nTalk to the Friends group \\*first\\*.');
    expect(reflect).toContain('\\# of partners: 5');
    expect(reflect.match(/\*Not answered yet\.\*/g)).toHaveLength(2);
    expect(md.endsWith('\n')).toBe(true);
  });

  it('escapes pipes and markup in user text', () => {
    const d = emptyDoc('A | B <script>', 'map_x');
    commands.addAsset(d, { id: 'a', kind: 'space', label: 'Room | 1 <b>big</b>', x: 0, y: 0 });
    commands.addAttachment(d, { id: 's', kind: 'strength', attachedTo: 'a', label: '*bold* _it_ [link](x) `code` ~~s~~ & \\', x: 0, y: 0 });
    commands.addAttachment(d, { id: 't', kind: 'strength', attachedTo: 'a', label: 'two\nlines', x: 0, y: 0 });
    const out = writeMarkdown(d, { date });
    expect(out.startsWith('# A \\| B &lt;script&gt;\n')).toBe(true);
    expect(out).toContain('| Room \\| 1 &lt;b&gt;big&lt;/b&gt; | \\*bold\\* \\_it\\_ \\[link\\](x) \\`code\\` \\~\\~s\\~\\~ &amp; \\\\<br>two lines |  |  |');
    // Every table row still has exactly its four cells (five unescaped pipes).
    const row = out.split('\n').find((l) => l.startsWith('| Room'))!;
    expect(row.replace(/\\\\/g, '').match(/(?<!\\)\|/g)).toHaveLength(5);
  });

  it('keeps right-to-left text and emoji as they are', () => {
    expect(escapeInline('انجمن محله ۱ 🙌 Zoë')).toBe('انجمن محله ۱ 🙌 Zoë');
  });
});
