/**
 * The relationship ledger of an asset (a partner above all): who holds the relationship, when someone last spoke
 * with them, the next step and when it is due, what kind of partnership it is and where it stands. Contact owners
 * and colleague–partner relationships stay consistent: setting one offers the other.
 */
import { useId } from 'react';
import { type AssetMapDoc, type AssetNode, type NodePatch, PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES, isAsset } from '../../model';
import { PARTNERSHIP_STATUS_WORDS, PARTNERSHIP_TYPE_WORDS } from '../../io/sheets/worksheet';
import type { Actions } from '../actions';
import { useReadOnly } from '../context';
import { SelectField, TextField } from './fields';

type Update = (patch: NodePatch, coalesce?: string) => boolean;

/** Assets that have a ledger shown by default; the others have it folded away. */
const LEDGER_KINDS = new Set(['partner', 'community', 'program']);

export function LedgerFields({ node, doc, update, actions }: { node: AssetNode; doc: AssetMapDoc; update: Update; actions: Actions }) {
  if (node.kind === 'staff') return null;
  const body = <LedgerBody node={node} doc={doc} update={update} actions={actions} />;
  const filled = node.contactOwners || node.lastContact || node.nextStep || node.partnershipType || node.partnershipStatus;
  if (LEDGER_KINDS.has(node.kind)) {
    return (
      <section className="am-section am-ledger" aria-labelledby={`ledger-${node.id}`}>
        <h3 id={`ledger-${node.id}`}>Relationship ledger</h3>
        {body}
      </section>
    );
  }
  return (
    <details className="am-section am-ledger" open={!!filled}>
      <summary>Relationship ledger</summary>
      {body}
    </details>
  );
}

function LedgerBody({ node, doc, update, actions }: { node: AssetNode; doc: AssetMapDoc; update: Update; actions: Actions }) {
  const ownersId = useId();
  const readOnly = useReadOnly() !== undefined;
  const staff = Object.values(doc.nodes)
    .filter((n): n is AssetNode => n.kind === 'staff')
    .sort((a, b) => a.label.localeCompare(b.label));
  const owners = node.contactOwners ?? [];
  // Colleagues tied to this asset by a relationship, either way.
  const related = new Set(
    Object.values(doc.edges)
      .filter((e) => e.kind === 'relationship' && (e.source === node.id || e.target === node.id))
      .map((e) => (e.source === node.id ? e.target : e.source))
      .filter((id) => doc.nodes[id]?.kind === 'staff'),
  );
  const ownersWithoutTie = owners.filter((id) => !related.has(id));
  const tiedNotOwners = [...related].filter((id) => !owners.includes(id) && isAsset(doc.nodes[id]));
  const name = (id: string) => doc.nodes[id]?.label ?? '';
  return (
    <>
      <div className="am-field">
        <label htmlFor={ownersId}>Contact owner</label>
        {staff.length ? (
          <select
            id={ownersId}
            multiple
            disabled={readOnly}
            size={Math.min(5, Math.max(2, staff.length))}
            value={owners}
            aria-describedby={`${ownersId}-hint`}
            onChange={(e) => {
              const chosen = [...e.target.selectedOptions].map((o) => o.value);
              update({ contactOwners: chosen.length ? chosen : undefined });
            }}
          >
            {staff.map((s) => (
              <option key={s.id} value={s.id} dir="auto">
                {s.label}
              </option>
            ))}
          </select>
        ) : (
          <select id={ownersId} multiple disabled aria-describedby={`${ownersId}-hint`} />
        )}
        <p className="am-hint" id={`${ownersId}-hint`}>
          {staff.length ? 'Colleagues who hold this relationship; Ctrl or Shift to choose several.' : 'Add a colleague to the map to name a contact owner.'}
        </p>
      </div>
      {ownersWithoutTie.map((id) => (
        <p className="am-offer" key={`tie-${id}`}>
          <span dir="auto">{name(id)}</span> has no relationship with this {node.kind} on the map.{' '}
          <button type="button" disabled={readOnly} onClick={() => actions.connect(id, node.id, 'relationship', 'regular')}>
            Connect them
          </button>
        </p>
      ))}
      {tiedNotOwners.map((id) => (
        <p className="am-offer" key={`owner-${id}`}>
          <span dir="auto">{name(id)}</span> has a relationship with this {node.kind}.{' '}
          <button type="button" disabled={readOnly} onClick={() => update({ contactOwners: [...owners, id] })}>
            Make contact owner
          </button>
        </p>
      ))}
      <DateField label="Last contact" value={node.lastContact} onChange={(v) => update({ lastContact: v })} />
      <TextField label="Next step" value={node.nextStep ?? ''} coalesceKey={`${node.id}:nextStep`} onChange={(v, c) => update({ nextStep: v || undefined }, c)} />
      <DateField label="Next step due" value={node.nextStepDue} onChange={(v) => update({ nextStepDue: v })} />
      <SelectField
        label="Partnership type"
        value={node.partnershipType ?? ''}
        options={[{ value: '', label: 'Not said' }, ...PARTNERSHIP_TYPES.map((t) => ({ value: t, label: PARTNERSHIP_TYPE_WORDS[t] }))]}
        onChange={(v) => update({ partnershipType: v || undefined })}
      />
      {node.partnershipType === 'seasonal' && (
        <div className="am-field-row">
          <DateField label="Season starts" value={node.seasonStart} onChange={(v) => update({ seasonStart: v })} />
          <DateField label="Season ends" value={node.seasonEnd} onChange={(v) => update({ seasonEnd: v })} />
        </div>
      )}
      <SelectField
        label="Status"
        value={node.partnershipStatus ?? ''}
        options={[{ value: '', label: 'Not said' }, ...PARTNERSHIP_STATUSES.map((s) => ({ value: s, label: PARTNERSHIP_STATUS_WORDS[s] }))]}
        onChange={(v) => update({ partnershipStatus: v || undefined })}
      />
    </>
  );
}

/** A calendar date, stored as an ISO date; the browser shows it in the user's locale. */
function DateField({ label, value, onChange }: { label: string; value: string | undefined; onChange: (v: string | undefined) => void }) {
  const id = useId();
  const readOnly = useReadOnly() !== undefined;
  return (
    <div className="am-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" readOnly={readOnly} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} />
    </div>
  );
}
