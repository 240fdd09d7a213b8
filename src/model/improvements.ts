import { getAttachmentIndex } from './doc';
import type { AssetMapDoc, ImprovementNode } from './types';

/**
 * How an asset can be improved, as the map shows it: the improvements of each of its weaknesses, in the
 * weaknesses' order, then those on the asset itself. An improvement hangs off a weakness when it answers it.
 */
export function getImprovementsOf(doc: AssetMapDoc, assetId: string): ImprovementNode[] {
  const index = getAttachmentIndex(doc);
  const own = index.get(assetId) ?? [];
  const isImprovement = (n: { kind: string }): n is ImprovementNode => n.kind === 'improvement';
  return [...own.filter((n) => n.kind === 'weakness').flatMap((w) => (index.get(w.id) ?? []).filter(isImprovement)), ...own.filter(isImprovement)];
}
