/**
 * File versions and the steps between them. A shipped step is never edited; a new version adds a step, with a
 * frozen fixture of the version before it in tests/io/fixtures.
 */
export const CURRENT_VERSION = 1;

type Step = { from: number; name: string; run: (map: unknown) => unknown };

export const MIGRATIONS: Step[] = [];

export function migrate(map: unknown, version: number): unknown {
  let current = map;
  for (let v = version; v < CURRENT_VERSION; v++) {
    const step = MIGRATIONS.find((s) => s.from === v);
    if (!step) throw new Error(`no upgrade from version ${v}`);
    current = step.run(current);
  }
  return current;
}
