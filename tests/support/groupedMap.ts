/** A map in groups, for the tests of every format and of the app. */
import { type AssetMapDoc, SUNNYDALE, buildExample } from '../../src/model';

/** Sunnydale with its partners in one group (collapsed) and two colleagues in another. */
export function groupedSunnydale(): AssetMapDoc {
  const doc = buildExample(SUNNYDALE, 'grouped');
  doc.groups = {
    g1: { id: 'g1', name: 'Neighbourhood partners', collapsed: true },
    g2: { id: 'g2', name: "Children's services" },
  };
  for (const id of ['na1', 'na2', 'school']) (doc.nodes[id] as { group?: string }).group = 'g1';
  (doc.nodes.children as { group?: string }).group = 'g2';
  return doc;
}
