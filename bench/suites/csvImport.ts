/**
 * CSV import of a 2,000-row worksheet (the CSV export of a generated 2,000-asset map): reading the rows, and
 * making a new map from them (which includes laying it out).
 */
import { generateMap } from '../../tests/support/generateMap';
import { readCsv, writeCsv } from '../../src/io/sheets';
import { importSheetAsNewMap } from '../../src/io/sheets/importSheet';
import { type BenchSuite, ms } from '../harness';

const suite: BenchSuite = {
  name: 'csv-import',
  title: 'CSV import: 2,000 worksheet rows',
  run(ctx) {
    const rows = ctx.options.sizes?.[0] ?? 2000;
    const csv = writeCsv(generateMap(rows, 1));
    const read = readCsv(csv);
    if (!read.ok) throw new Error('the generated CSV did not read back');
    const kb = Math.round(new TextEncoder().encode(csv).length / 1024);
    const readT = ctx.measure(() => readCsv(csv));
    const importT = ctx.measure(() => importSheetAsNewMap(csv, 'Imported'));
    return [
      { step: 'readCsv', rows: read.value.rows.length, KB: kb, ms: ms(readT.median), 'cpu ms': ms(readT.cpuMedian), 'max ms': ms(readT.max) },
      { step: 'importSheetAsNewMap', rows: read.value.rows.length, KB: kb, ms: ms(importT.median), 'cpu ms': ms(importT.cpuMedian), 'max ms': ms(importT.max) },
    ];
  },
};
export default suite;
