/**
 * File versions and the steps between them. A shipped step is never edited; a new version adds a step, with a
 * frozen fixture of the version before it in tests/io/fixtures. Every saved copy of a map — file, image, the
 * browser's storage, the journal, saved versions — goes through `migrate` on its way in (see `restore`).
 */
export interface MigrationStep {
  /** The version this step reads; it writes `from + 1`. */
  from: number;
  name: string;
  run: (map: unknown) => unknown;
}

/** The shipped steps, oldest first. */
const SHIPPED: MigrationStep[] = [];

/**
 * A build made with `vite build --mode format-bump` has one version more than the shipped app, with this step
 * to reach it. It exists so that a browser test can prove that maps saved by today's release are upgraded on
 * every load path before any real step is needed; no release is built in that mode.
 */
const FORMAT_BUMP: MigrationStep = {
  from: SHIPPED.length + 1,
  name: 'format-bump (test builds only): marks the map as upgraded',
  run: (map) => (typeof map === 'object' && map !== null ? { ...map, upgradedFrom: SHIPPED.length + 1 } : map),
};

const testBuild = (import.meta as { env?: { MODE?: string } }).env?.MODE === 'format-bump';

export const MIGRATIONS: readonly MigrationStep[] = testBuild ? [...SHIPPED, FORMAT_BUMP] : SHIPPED;

/** The version this app writes: one more than the last step reads. */
export const CURRENT_VERSION = 1 + MIGRATIONS.length;

/**
 * Runs every step from `version` up to `target`, in order. Throws when a step is missing or fails; the caller
 * turns that into a "could not be upgraded" error and changes nothing.
 */
export function migrate(map: unknown, version: number, steps: readonly MigrationStep[] = MIGRATIONS, target = CURRENT_VERSION): unknown {
  let current = map;
  for (let v = version; v < target; v++) {
    const step = steps.find((s) => s.from === v);
    if (!step) throw new Error(`no upgrade from version ${v}`);
    try {
      current = step.run(current);
    } catch (e) {
      throw new Error(`the step “${step.name}” failed (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  return current;
}
