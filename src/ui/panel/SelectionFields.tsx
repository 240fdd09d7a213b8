/**
 * Several nodes selected: what applies to all of them at once, each one undo step — change the kind of the
 * assets, add a tag, set the status of the improvements, align and distribute.
 */
import { useId, useState } from 'react';
import { ASSET_KIND_ORDER, type AssetMapDoc, IMPROVEMENT_STATUSES, type MapNode, type Point, isAsset, isImprovement } from '../../model';
import { KIND_STYLES } from '../../look';
import { nodeSize } from '../../look/measure';
import { useServices } from '../context';
import { SelectField } from './fields';
import { GroupPicker } from './GroupFields';

type Arrange = 'left' | 'top' | 'across' | 'down';

/** New top-left corners for the nodes: lined up on the left edge or the top edge, or spread evenly. */
export function arrange(nodes: readonly MapNode[], how: Arrange): Record<string, Point> {
  const out: Record<string, Point> = {};
  if (nodes.length < 2) return out;
  if (how === 'left' || how === 'top') {
    const edge = Math.min(...nodes.map((n) => (how === 'left' ? n.x : n.y)));
    for (const n of nodes) out[n.id] = how === 'left' ? { x: edge, y: n.y } : { x: n.x, y: edge };
    return out;
  }
  // Even gaps between the boxes, from the first to the last, in their current order.
  const axis = how === 'across' ? 'x' : 'y';
  const size = (n: MapNode) => (axis === 'x' ? nodeSize(n).width : nodeSize(n).height);
  const sorted = [...nodes].sort((a, b) => a[axis] - b[axis]);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const span = last[axis] + size(last) - first[axis];
  const gap = (span - sorted.reduce((s, n) => s + size(n), 0)) / (sorted.length - 1);
  let at = first[axis];
  for (const n of sorted) {
    out[n.id] = axis === 'x' ? { x: Math.round(at), y: n.y } : { x: n.x, y: Math.round(at) };
    at += size(n) + gap;
  }
  return out;
}

export function SelectionFields({ ids, doc, readOnly }: { ids: readonly string[]; doc: AssetMapDoc; readOnly: boolean }) {
  const { workspace } = useServices();
  const store = workspace.store;
  const tagId = useId();
  const [tag, setTag] = useState('');
  const nodes = ids.map((id) => doc.nodes[id]).filter((n): n is MapNode => !!n);
  const assets = nodes.filter(isAsset);
  const improvements = nodes.filter(isImprovement);
  const move = (how: Arrange) => store.dispatch('moveNodes', { positions: arrange(nodes, how) });
  return (
    <>
      {assets.length > 0 && !readOnly && <GroupPicker doc={doc} ids={assets.map((a) => a.id)} current={undefined} label="Put in group" />}
      {assets.length > 0 && (
        <SelectField
          label={`Kind of the ${assets.length} selected ${assets.length === 1 ? 'asset' : 'assets'}`}
          value={assets.every((a) => a.kind === assets[0]!.kind) ? assets[0]!.kind : ''}
          options={[{ value: '', label: 'Mixed' }, ...ASSET_KIND_ORDER.map((k) => ({ value: k, label: KIND_STYLES[k].name }))]}
          onChange={(kind) => kind && !readOnly && store.dispatch('updateNodes', { ids: assets.map((a) => a.id), patch: { kind } })}
        />
      )}
      {improvements.length > 0 && (
        <SelectField
          label={`Status of the ${improvements.length} selected ${improvements.length === 1 ? 'improvement' : 'improvements'}`}
          value={improvements.every((i) => i.status === improvements[0]!.status) ? improvements[0]!.status : ''}
          options={[{ value: '', label: 'Mixed' }, ...IMPROVEMENT_STATUSES.map((s) => ({ value: s, label: s === 'doing' ? 'In progress' : s[0]!.toUpperCase() + s.slice(1) }))]}
          onChange={(status) => status && !readOnly && store.dispatch('updateNodes', { ids: improvements.map((i) => i.id), patch: { status } })}
        />
      )}
      <form
        className="am-field am-tag-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (store.dispatch('tagNodes', { ids: nodes.map((n) => n.id), tag })) setTag('');
        }}
      >
        <label htmlFor={tagId}>Add a tag to all of them</label>
        <div className="am-field-row">
          <input id={tagId} type="text" value={tag} readOnly={readOnly} onChange={(e) => setTag(e.target.value)} dir="auto" />
          <button type="submit" disabled={readOnly || !tag.trim()}>
            Add tag
          </button>
        </div>
      </form>
      <div className="am-arrange" role="group" aria-label="Arrange">
        <button type="button" disabled={readOnly || nodes.length < 2} onClick={() => move('left')}>
          Align left
        </button>
        <button type="button" disabled={readOnly || nodes.length < 2} onClick={() => move('top')}>
          Align top
        </button>
        <button type="button" disabled={readOnly || nodes.length < 3} onClick={() => move('across')}>
          Distribute across
        </button>
        <button type="button" disabled={readOnly || nodes.length < 3} onClick={() => move('down')}>
          Distribute down
        </button>
      </div>
    </>
  );
}
