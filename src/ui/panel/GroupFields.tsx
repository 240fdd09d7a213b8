/**
 * Groups in the side panel: the group of an asset (or of several selected: "Put in group"), chosen from the
 * map's groups or made new by name; and the panel of a group itself (its frame or card selected): its name,
 * collapse or expand, ungroup. Each change is one undo step.
 */
import { useEffect, useId, useState } from 'react';
import { type AssetMapDoc, type MapGroup, findGroupByName, getGroupMembers, getGroupsInOrder, newId } from '../../model';
import { assetCount } from '../../look';
import { useReadOnly, useServices } from '../context';
import { TextField } from './fields';

const NEW = '\u0000new';

/** Puts `ids` in a group by its id, or in a new one by name (an existing group of that name is used). */
function useGroupActions() {
  const { workspace } = useServices();
  const store = workspace.store;
  return {
    put: (ids: readonly string[], group: string) => store.dispatch('groupAssets', { ids: [...ids], group }),
    putInNew: (ids: readonly string[], name: string) => {
      const same = findGroupByName(store.getDoc(), name);
      if (same) return store.dispatch('groupAssets', { ids: [...ids], group: same.id });
      const id = newId('g');
      return store.dispatch('groupAssets', { ids: [...ids], group: id, newGroup: { id, name } });
    },
    takeOut: (ids: readonly string[]) => store.dispatch('ungroupAssets', { ids: [...ids] }),
  };
}

/** Asks the side panel's group picker (drawn now or next) to start on a new group's name: "New group…" in a menu. */
let pendingNaming = false;
const namingListeners = new Set<() => void>();
export function askNewGroupName() {
  if (namingListeners.size) for (const l of namingListeners) l();
  else pendingNaming = true;
}

/**
 * A group picker: a list of the map's groups, "No group" (for one asset) and "New group…", which asks for a
 * name in a field beside it.
 */
export function GroupPicker({ doc, ids, current, label }: { doc: AssetMapDoc; ids: readonly string[]; current: string | undefined; label: string }) {
  const readOnly = useReadOnly() !== undefined;
  const selectId = useId();
  const nameId = useId();
  const actions = useGroupActions();
  const [naming, setNaming] = useState(() => {
    const asked = pendingNaming;
    pendingNaming = false;
    return asked;
  });
  const [name, setName] = useState('');
  useEffect(() => {
    const start = () => setNaming(true);
    namingListeners.add(start);
    return () => {
      namingListeners.delete(start);
    };
  }, []);
  const groups = getGroupsInOrder(doc);
  const single = ids.length === 1;
  const create = () => {
    if (!name.trim()) return;
    actions.putInNew(ids, name);
    setNaming(false);
    setName('');
  };
  return (
    <div className="am-field am-group-field">
      <label htmlFor={selectId}>{label}</label>
      <select
        id={selectId}
        value={naming ? NEW : (current ?? '')}
        disabled={readOnly}
        onChange={(e) => {
          const v = e.target.value;
          if (v === NEW) {
            setNaming(true);
            return;
          }
          setNaming(false);
          if (v) actions.put(ids, v);
          else if (single) actions.takeOut(ids);
        }}
      >
        <option value="">{single ? 'No group' : 'Choose a group…'}</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
        <option value={NEW}>New group…</option>
      </select>
      {naming && (
        <div className="am-group-new">
          <label htmlFor={nameId}>Name of the new group</label>
          <input
            id={nameId}
            type="text"
            dir="auto"
            value={name}
            autoFocus
            maxLength={120}
            placeholder="A branch, a department, a programme"
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                create();
              } else if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                setNaming(false);
              }
            }}
          />
          <button type="button" onClick={create} disabled={!name.trim()}>
            Create group
          </button>
        </div>
      )}
    </div>
  );
}

/** A group selected (its frame or card): its name, how many it holds, collapse or expand, ungroup. */
export function GroupPanel({ group, doc }: { group: MapGroup; doc: AssetMapDoc }) {
  const { workspace, session } = useServices();
  const readOnly = useReadOnly() !== undefined;
  const members = getGroupMembers(doc).get(group.id) ?? [];
  const store = workspace.store;
  return (
    <div className="am-panel-body">
      <div className="am-panel-kind">Group · {assetCount(members.length)}</div>
      <TextField
        label="Group name"
        value={group.name}
        coalesceKey={`group:${group.id}:name`}
        onChange={(v, c) => v.trim() && store.dispatch('renameGroup', { id: group.id, name: v }, { coalesce: c })}
      />
      <div className="am-group-actions">
        <button type="button" disabled={readOnly} onClick={() => store.dispatch('setGroupCollapsed', { id: group.id, collapsed: !group.collapsed })}>
          {group.collapsed ? 'Expand group' : 'Collapse group'}
        </button>
        <button type="button" disabled={readOnly} onClick={() => store.dispatch('deleteGroup', { id: group.id })}>
          Ungroup
        </button>
      </div>
      <h3>Members</h3>
      <ul className="am-group-members">
        {members.map((m) => (
          <li key={m.id}>
            <button type="button" className="am-link" onClick={() => session.select([m.id])}>
              {m.label || '(no name)'}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
