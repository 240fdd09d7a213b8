/**
 * Findings about what the map lacks: strengths used by nothing, partners no colleague holds or only one does,
 * colleagues tied to no one, weaknesses with no improvement, improvements no one owns.
 *
 * Decisions, so that the list matches what a reader of the worksheet expects:
 * - a strength is used when a "supports" edge starts at it; its asset's own edges do not count, as the worksheet
 *   asks about each strength;
 * - a weakness is addressed by an improvement attached to it, or by one attached to its asset when the asset has
 *   no other weakness (the worksheet's "How can it be improved?" cell then answers that one weakness); an
 *   improvement of any status counts, a plan is an answer;
 * - an improvement is unowned when it is not done and has no owner that is a colleague on the map (an owner that
 *   is not a staff node cannot carry it). An owned idea is not flagged: someone has it in hand.
 */
import type { AssetNode, ImprovementNode, TraitNode } from '../model';
import { type AnalysisContext, isStaff } from './context';
import { type Finding, roundWeight } from './findings';
import { named, quoted } from './phrases';

/** How many suggestions involve a strength or a weakness, to rank the ones with a way forward first. */
export type SuggestionCounts = Map<string, number>;

export function getUnusedStrengths(ctx: AnalysisContext, suggestions: SuggestionCounts): Finding[] {
  const out: Finding[] = [];
  for (const asset of ctx.assets) {
    for (const s of ctx.strengths.get(asset.id) ?? []) {
      if (ctx.supports.get(s.id)?.size) continue;
      const could = suggestions.get(s.id) ?? 0;
      const tail =
        could === 1
          ? ', though it could help with a weakness of another asset'
          : could > 1
            ? `, though it could help with ${could} weaknesses of other assets`
            : '';
      out.push({
        id: `unused-strength:${s.id}`,
        kind: 'unused-strength',
        nodeIds: [s.id],
        assetIds: [asset.id],
        reason: `The strength ${quoted(s.label)} of ${named(asset.label)} does not support any program or asset yet${tail}.`,
        weight: 1 + could,
      });
    }
  }
  return out;
}

/** Colleagues with a relationship edge to an asset, in worksheet order. */
function holdersOf(ctx: AnalysisContext, asset: AssetNode): AssetNode[] {
  const related = ctx.related.get(asset.id);
  if (!related) return [];
  const staff: AssetNode[] = [];
  for (const id of related) {
    const node = ctx.doc.nodes[id];
    if (isStaff(node)) staff.push(node);
  }
  return staff.sort((a, b) => ctx.rank.get(a.id)! - ctx.rank.get(b.id)!);
}

export function getPartnerFindings(ctx: AnalysisContext): Finding[] {
  const out: Finding[] = [];
  for (const partner of ctx.assets) {
    if (partner.kind !== 'partner') continue;
    const holders = holdersOf(ctx, partner);
    const weight = 1 + (ctx.strengths.get(partner.id)?.length ?? 0);
    if (holders.length === 0) {
      out.push({
        id: `unheld-partner:${partner.id}`,
        kind: 'unheld-partner',
        nodeIds: [partner.id],
        assetIds: [partner.id],
        reason: `No colleague has a relationship with ${named(partner.label)}.`,
        weight,
      });
    } else if (holders.length === 1) {
      const holder = holders[0]!;
      out.push({
        id: `single-contact:${partner.id}`,
        kind: 'single-contact',
        nodeIds: [partner.id, holder.id],
        assetIds: [partner.id, holder.id],
        reason: `Only ${named(holder.label)} has a relationship with ${named(partner.label)}, so if that colleague leaves, the library could lose the partnership.`,
        weight,
      });
    }
  }
  return out;
}

export function getSilos(ctx: AnalysisContext): Finding[] {
  const out: Finding[] = [];
  for (const staff of ctx.assets) {
    if (staff.kind !== 'staff' || ctx.related.get(staff.id)?.size) continue;
    out.push({
      id: `silo:${staff.id}`,
      kind: 'silo',
      nodeIds: [staff.id],
      assetIds: [staff.id],
      // Sentences start with words of ours: a label may begin in lower case.
      reason: `The colleague ${named(staff.label)} has no relationship with anyone on the map.`,
      weight: 1 + (ctx.strengths.get(staff.id)?.length ?? 0),
    });
  }
  return out;
}

/** Whether a weakness has an improvement, by the rule in this module's header. */
export function isAddressed(ctx: AnalysisContext, weakness: TraitNode): boolean {
  if (ctx.improvements.get(weakness.id)?.length) return true;
  return (ctx.weaknesses.get(weakness.attachedTo)?.length ?? 0) === 1 && !!ctx.improvements.get(weakness.attachedTo)?.length;
}

export function getOpenWeaknesses(ctx: AnalysisContext, suggestions: SuggestionCounts): Finding[] {
  const out: Finding[] = [];
  for (const asset of ctx.assets) {
    for (const w of ctx.weaknesses.get(asset.id) ?? []) {
      if (isAddressed(ctx, w)) continue;
      out.push({
        id: `open-weakness:${w.id}`,
        kind: 'open-weakness',
        nodeIds: [w.id],
        assetIds: [asset.id],
        reason: `The weakness ${quoted(w.label)} of ${named(asset.label)} has no improvement yet.`,
        weight: 1 + (suggestions.get(w.id) ?? 0),
      });
    }
  }
  return out;
}

const STALLED: Record<Exclude<ImprovementNode['status'], 'done'>, { weight: number; tail: string }> = {
  idea: { weight: 3, tail: 'and it is still an idea' },
  planned: { weight: 2, tail: 'though it is planned' },
  doing: { weight: 1, tail: 'though work on it has started' },
};

export function getUnownedImprovements(ctx: AnalysisContext): Finding[] {
  const out: Finding[] = [];
  for (const asset of ctx.assets) {
    const lists = [ctx.improvements.get(asset.id) ?? []];
    for (const w of ctx.weaknesses.get(asset.id) ?? []) lists.push(ctx.improvements.get(w.id) ?? []);
    const items = lists.flat().sort((a, b) => ctx.rank.get(a.id)! - ctx.rank.get(b.id)!);
    for (const item of items) {
      if (item.status === 'done' || (item.owner && isStaff(ctx.doc.nodes[item.owner]))) continue;
      const stalled = STALLED[item.status] ?? STALLED.idea;
      out.push({
        id: `unowned-improvement:${item.id}`,
        kind: 'unowned-improvement',
        nodeIds: [item.id],
        assetIds: [asset.id],
        reason: `No colleague owns the improvement ${quoted(item.label)} for ${named(asset.label)}, ${stalled.tail}.`,
        weight: roundWeight(stalled.weight),
      });
    }
  }
  return out;
}
