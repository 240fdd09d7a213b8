/**
 * The side panel's view of what is selected: every field of the selected node or connection, editable, and what
 * to add to it; a group; several things at once. It loads when first wanted (see lazyParts.ts), fetched when the
 * page is idle: a first view shows nothing selected.
 */
import { useEffect, useState } from 'react';
import {
  ASSET_KIND_ORDER,
  type AssetMapDoc,
  type AssetNode,
  IMPROVEMENT_STATUSES,
  type ImprovementNode,
  KIND_NAMES,
  type MapEdge,
  type MapNode,
  type NodePatch,
  TIE_STRENGTHS,
  type TieStrength,
  type TraitNode,
  canAttach,
  canConnect,
  directionControls,
  showDirectionControls,
  withoutDirectionControls,
  canOwn,
  getAttachmentIndex,
  getImprovementsOf,
  getOwningAsset,
  isAsset,
  isImprovement,
  isTrait,
  groupOf,
} from '../../model';
import { groupOfFrame } from '../map/groupFrames';
import { GroupPanel, GroupPicker } from './GroupFields';
import { KIND_STYLES } from '../../look';
import { suggestAreas } from '../../analysis/lexicon';
import { useReadOnly, useServices, useStoreState } from '../context';
import { LedgerFields } from './LedgerFields';
import { SelectionFields } from './SelectionFields';
import type { Actions } from '../actions';
import { KindIcon } from '../map/KindIcon';
import { SelectField, TextField } from './fields';
import { AreaEditor } from './AreaEditor';

/** A colleague's own fields, as the toolkit's staff worksheet names them (they are also spreadsheet columns). */
const STAFF_FIELDS = [
  ['Role', 'Role'],
  ['Relationships with library staff', 'Relationships with library staff'],
  ['Community relationships', 'Community relationships'],
  ['Organisational priorities', 'Organisational priorities'],
  ['Stories', 'Stories'],
] as const;

/** The panel for the selection: a group's, a node's, a connection's, or that of several things. */
export function SelectedPanel({ selection, actions }: { selection: readonly string[]; actions: Actions }) {
  const { doc } = useStoreState();
  const node = selection.length === 1 ? doc.nodes[selection[0]!] : undefined;
  const edge = selection.length === 1 ? doc.edges[selection[0]!] : undefined;
  const gid = selection.length === 1 ? groupOfFrame(selection[0]!) : undefined;
  const group = gid && doc.groups?.[gid];
  if (group) return <GroupPanel key={group.id} group={group} doc={doc} />;
  if (node) return <NodePanel key={node.id} node={node} doc={doc} actions={actions} />;
  if (edge) return <EdgePanel key={edge.id} edge={edge} doc={doc} actions={actions} />;
  return <MultiPanel ids={selection} doc={doc} actions={actions} />;
}

function MultiPanel({ ids, doc, actions }: { ids: readonly string[]; doc: AssetMapDoc; actions: Actions }) {
  const readOnly = useReadOnly() !== undefined;
  return (
    <div className="am-panel-body">
      <h2>{ids.length} selected</h2>
      <SelectionFields ids={ids} doc={doc} readOnly={readOnly} />
      <button type="button" className="am-danger" disabled={readOnly} onClick={actions.deleteSelection}>
        Delete selected
      </button>
    </div>
  );
}

function NodePanel({ node, doc, actions }: { node: MapNode; doc: AssetMapDoc; actions: Actions }) {
  const { workspace, session } = useServices();
  const readOnly = useReadOnly() !== undefined;
  // A node just added: start with the cursor in its name (once; the panel is keyed by node).
  const [editing] = useState(() => session.getState().editing === node.id);
  useEffect(() => {
    if (editing) session.set({ editing: undefined });
  }, [editing, session]);
  const update: Update = (patch, coalesce) =>
    workspace.store.dispatch('updateNode', { id: node.id, patch }, coalesce ? { coalesce } : undefined);
  const style = KIND_STYLES[node.kind];
  const owner = isAsset(node) ? undefined : getOwningAsset(doc, node.id);
  return (
    <div className="am-panel-body">
      <div className="am-panel-kind" style={{ color: style.accent }}>
        <KindIcon kind={node.kind} size={16} /> {style.name}
        {owner && (
          <>
            {' of '}
            <button type="button" className="am-link" onClick={() => session.select([owner.id])}>
              {owner.label}
            </button>
          </>
        )}
      </div>
      <TextField
        label={isAsset(node) ? 'Name' : 'Text'}
        value={node.label}
        multiline
        coalesceKey={`${node.id}:label`}
        onChange={(label, c) => update({ label }, c)}
        autoFocus={editing}
      />
      <DirectionWarning text={node.label} onRemove={() => update({ label: withoutDirectionControls(node.label) })} />
      {isAsset(node) && <AssetFields node={node} update={update} />}
      {isAsset(node) && <GroupPicker doc={doc} ids={[node.id]} current={groupOf(doc, node)?.id} label="Group" />}
      {isAsset(node) && <LedgerFields node={node} doc={doc} update={update} actions={actions} />}
      {isTrait(node) && <AreaEditor node={node} suggested={suggestAreas(node.label)} onChange={(areas) => update({ areas })} />}
      {isImprovement(node) && <ImprovementFields node={node} doc={doc} update={update} />}
      <TextField label="Details" value={node.details ?? ''} multiline coalesceKey={`${node.id}:details`} onChange={(v, c) => update({ details: v || undefined }, c)} />
      {isAsset(node) && <Attachments asset={node} doc={doc} actions={actions} />}
      {node.kind === 'weakness' && (
        <section className="am-section">
          <h3>Improvements</h3>
          <ItemList items={(getAttachmentIndex(doc).get(node.id) ?? []) as ImprovementNode[]} />
          <button type="button" disabled={readOnly} onClick={() => actions.addItem('improvement', node.id)}>
            Add improvement
          </button>
        </section>
      )}
      {(isAsset(node) || node.kind === 'strength') && <Connections node={node} doc={doc} actions={actions} />}
      <div className="am-panel-actions">
        <button type="button" className="am-danger" disabled={readOnly} onClick={actions.deleteSelection}>
          Delete {KIND_NAMES[node.kind]}
        </button>
      </div>
    </div>
  );
}

type Update = (patch: NodePatch, coalesce?: string) => boolean;

/** A name holding hidden direction controls reads differently from how it was typed: say so, show them, offer to remove them. */
function DirectionWarning({ text, onRemove }: { text: string; onRemove: () => void }) {
  const readOnly = useReadOnly() !== undefined;
  const found = directionControls(text);
  if (!found.length) return null;
  return (
    <div className="am-offer am-direction" role="note">
      <p>
        This text holds hidden direction {found.length === 1 ? 'control' : 'controls'} ({found.map((c) => `${c.name}, ${c.code}`).join('; ')}) that
        {found.length === 1 ? ' makes' : ' make'} it read differently from how it was typed. As typed:
      </p>
      <p className="am-direction-shown">
        <bdi>{showDirectionControls(text)}</bdi>
      </p>
      <button type="button" disabled={readOnly} onClick={onRemove}>
        Remove direction controls
      </button>
    </div>
  );
}

function AssetFields({ node, update }: { node: AssetNode; update: Update }) {
  return (
    <>
      <SelectField
        label="Kind"
        value={node.kind}
        options={ASSET_KIND_ORDER.map((k) => ({ value: k, label: KIND_STYLES[k].name }))}
        onChange={(kind) => kind && update({ kind })}
      />
      {node.kind === 'partner' && (
        <SelectField
          label="Partnership"
          value={node.formality ?? ''}
          options={[
            { value: '', label: 'Not said' },
            { value: 'formal', label: 'Formal (an organisation)' },
            { value: 'informal', label: 'Informal (a person)' },
          ]}
          onChange={(v) => update({ formality: v || undefined })}
        />
      )}
      {node.kind === 'staff' && (
        <>
          <TextField
            label="Passions and interests (one per line)"
            value={(node.passions ?? []).map((p) => p.text).join('\n')}
            multiline
            rows={3}
            coalesceKey={`${node.id}:passions`}
            onChange={(v, c) => {
              const texts = v.split('\n');
              const prev = node.passions ?? [];
              const passions = texts.map((text, i) => (prev[i] && prev[i]!.text === text ? prev[i]! : { ...(prev[i]?.areas ? { areas: prev[i]!.areas } : {}), text }));
              update({ passions: v.trim() ? passions : undefined }, c);
            }}
          />
          {STAFF_FIELDS.map(([key, label]) => (
            <TextField
              key={key}
              label={label}
              value={node.fields?.[key] ?? ''}
              multiline
              coalesceKey={`${node.id}:field:${key}`}
              onChange={(v, c) => {
                const fields = { ...node.fields };
                if (v) fields[key] = v;
                else delete fields[key];
                update({ fields: Object.keys(fields).length ? fields : undefined }, c);
              }}
            />
          ))}
        </>
      )}
      {Object.entries(node.fields ?? {})
        .filter(([k]) => node.kind !== 'staff' || !STAFF_FIELDS.some(([s]) => s === k))
        .map(([key, value]) => (
          <TextField
            key={key}
            label={key}
            value={value}
            coalesceKey={`${node.id}:field:${key}`}
            onChange={(v, c) => update({ fields: { ...node.fields, [key]: v } }, c)}
          />
        ))}
    </>
  );
}

function ImprovementFields({ node, doc, update }: { node: ImprovementNode; doc: AssetMapDoc; update: Update }) {
  const staff = Object.values(doc.nodes).filter(canOwn);
  const owner = getOwningAsset(doc, node.id);
  const targets = owner ? [owner, ...(getAttachmentIndex(doc).get(owner.id) ?? [])].filter((n) => canAttach('improvement', n)) : [];
  return (
    <>
      <SelectField
        label="Status"
        value={node.status}
        options={IMPROVEMENT_STATUSES.map((s) => ({ value: s, label: s === 'doing' ? 'In progress' : s[0]!.toUpperCase() + s.slice(1) }))}
        onChange={(status) => status && update({ status })}
      />
      <SelectField
        label="Owner"
        value={node.owner ?? ''}
        options={[{ value: '', label: 'No one yet' }, ...staff.map((s) => ({ value: s.id, label: s.label }))]}
        onChange={(v) => update({ owner: v || undefined })}
      />
      {targets.length > 1 && (
        <SelectField
          label="Improves"
          value={node.attachedTo}
          options={targets.map((t) => ({ value: t.id, label: isAsset(t) ? `${t.label} (the whole ${KIND_NAMES[t.kind]})` : `Weakness: ${t.label}` }))}
          onChange={(v) => v && update({ attachedTo: v })}
        />
      )}
    </>
  );
}

function ItemList({ items, note }: { items: MapNode[]; note?: (item: MapNode) => string | undefined }) {
  const { session } = useServices();
  if (!items.length) return <p className="am-muted">None yet.</p>;
  return (
    <ul className="am-item-list">
      {items.map((it) => (
        <li key={it.id}>
          <button type="button" className="am-link" dir="auto" onClick={() => session.select([it.id])}>
            {it.label || '(empty)'}
          </button>
          {note?.(it) && <span className="am-muted"> · {note(it)}</span>}
        </li>
      ))}
    </ul>
  );
}

function Attachments({ asset, doc, actions }: { asset: AssetNode; doc: AssetMapDoc; actions: Actions }) {
  const items = getAttachmentIndex(doc).get(asset.id) ?? [];
  // Improvements that answer a weakness hang off it, not the asset: they are the asset's all the same.
  const improvements = getImprovementsOf(doc, asset.id);
  const readOnly = useReadOnly() !== undefined;
  const answers = (item: MapNode) => {
    const parent = isImprovement(item) ? doc.nodes[item.attachedTo] : undefined;
    return parent?.kind === 'weakness' ? `for “${parent.label}”` : undefined;
  };
  const sections = [
    ['strength', 'Strengths', 'Add strength'],
    ['weakness', 'Weaknesses', 'Add weakness'],
    ['improvement', 'How can it be improved?', 'Add improvement'],
  ] as const;
  return (
    <>
      {sections.map(([kind, title, add]) => (
        <section className="am-section" key={kind}>
          <h3>{title}</h3>
          {kind === 'improvement' ? <ItemList items={improvements} note={answers} /> : <ItemList items={items.filter((i) => i.kind === kind)} />}
          <button type="button" disabled={readOnly} onClick={() => actions.addItem(kind, asset.id)}>
            {add}
          </button>
        </section>
      ))}
    </>
  );
}

function Connections({ node, doc, actions }: { node: AssetNode | TraitNode; doc: AssetMapDoc; actions: Actions }) {
  const { session } = useServices();
  const assets = Object.values(doc.nodes)
    .filter((n): n is AssetNode => isAsset(n) && canConnect(node, n) && n.id !== (isTrait(node) ? node.attachedTo : ''))
    .sort((a, b) => a.label.localeCompare(b.label));
  const [target, setTarget] = useState('');
  const [kind, setKind] = useState<'relationship' | 'supports'>(isAsset(node) ? 'relationship' : 'supports');
  const [tie, setTie] = useState<TieStrength>('regular');
  const readOnly = useReadOnly() !== undefined;
  const links = Object.values(doc.edges).filter((e) => e.source === node.id || e.target === node.id);
  return (
    <section className="am-section">
      <h3>Connections</h3>
      {links.length ? (
        <ul className="am-item-list">
          {links.map((e) => {
            const other = doc.nodes[e.source === node.id ? e.target : e.source];
            return (
              <li key={e.id}>
                <button type="button" className="am-link" dir="auto" onClick={() => session.select([e.id])}>
                  {e.kind === 'relationship' ? `${e.tie} relationship with` : e.source === node.id ? 'supports' : 'supported by'} {other?.label}
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="am-muted">No connections yet.</p>
      )}
      <div className="am-connect">
        <SelectField
          label="Connect to"
          value={target}
          options={[{ value: '', label: 'Choose an asset…' }, ...assets.map((a) => ({ value: a.id, label: `${a.label} (${KIND_NAMES[a.kind]})` }))]}
          onChange={setTarget}
        />
        {isAsset(node) && (
          <SelectField
            label="As"
            value={kind}
            options={[
              { value: 'relationship', label: 'Relationship' },
              { value: 'supports', label: 'Supports' },
            ]}
            onChange={(v) => v && setKind(v)}
          />
        )}
        {kind === 'relationship' && isAsset(node) && (
          <SelectField label="Tie" value={tie} options={TIE_STRENGTHS.map((t) => ({ value: t, label: t[0]!.toUpperCase() + t.slice(1) }))} onChange={(v) => v && setTie(v)} />
        )}
        <button
          type="button"
          disabled={!target || readOnly}
          onClick={() => {
            if (!target) return;
            const id = actions.connect(node.id, target, isAsset(node) ? kind : 'supports', tie);
            if (id) setTarget('');
          }}
        >
          Connect
        </button>
      </div>
    </section>
  );
}

function EdgePanel({ edge, doc, actions }: { edge: MapEdge; doc: AssetMapDoc; actions: Actions }) {
  const { workspace, session } = useServices();
  const readOnly = useReadOnly() !== undefined;
  const s = doc.nodes[edge.source];
  const t = doc.nodes[edge.target];
  const update = (patch: Parameters<typeof workspace.store.dispatch<'updateEdge'>>[1]['patch'], coalesce?: string) =>
    workspace.store.dispatch('updateEdge', { id: edge.id, patch }, coalesce ? { coalesce } : undefined);
  return (
    <div className="am-panel-body">
      <div className="am-panel-kind">Connection</div>
      <p dir="auto">
        <button type="button" className="am-link" onClick={() => s && session.select([s.id])}>
          {s?.label}
        </button>
        {' — '}
        <button type="button" className="am-link" onClick={() => t && session.select([t.id])}>
          {t?.label}
        </button>
      </p>
      <SelectField
        label="Kind"
        value={edge.kind}
        options={[
          ...(isAsset(s) ? [{ value: 'relationship' as const, label: 'Relationship' }] : []),
          { value: 'supports' as const, label: 'Supports' },
        ]}
        onChange={(kind) => kind && update({ kind })}
      />
      {edge.kind === 'relationship' && (
        <SelectField label="Tie" value={edge.tie ?? 'regular'} options={TIE_STRENGTHS.map((v) => ({ value: v, label: v[0]!.toUpperCase() + v.slice(1) }))} onChange={(tie) => tie && update({ tie })} />
      )}
      <TextField label="Label" value={edge.label ?? ''} coalesceKey={`${edge.id}:label`} onChange={(label, c) => update({ label }, c)} />
      <div className="am-panel-actions">
        <button type="button" className="am-danger" disabled={readOnly} onClick={actions.deleteSelection}>
          Delete connection
        </button>
      </div>
    </div>
  );
}
