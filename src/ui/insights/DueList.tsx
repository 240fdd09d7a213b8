/**
 * The Due list: the partnerships' next steps due this month (overdue ones first), by contact owner, with "Show on
 * map" for each; exported as a CSV and as a calendar file. Also where the map says when a tie goes stale.
 */
import { useId } from 'react';
import { type DueItem, getDueItems, groupDueByOwner, localToday } from '../../analysis';
import { plainFileNameFor } from '../../io/plainFileName';
import { writeNextStepsIcs, writeTableCsv } from '../../io/sheets';
import { type AssetMapDoc, DEFAULT_STALE_MONTHS, formatDay } from '../../model';
import { downloadBlob } from '../actions';
import { useServices } from '../context';

export function DueList({ doc }: { doc: AssetMapDoc }) {
  const services = useServices();
  const { workspace, session } = services;
  const staleId = useId();
  const today = localToday();
  const items = getDueItems(doc, today);
  const groups = groupDueByOwner(doc, items);
  const month = new Date(`${today}T12:00:00Z`).toLocaleDateString(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const withDue = Object.values(doc.nodes).some((n) => 'nextStepDue' in n && n.nextStepDue);

  const show = (item: DueItem) => {
    session.set({ tab: 'map', focus: [item.assetId], selection: [item.assetId] });
    session.centre([item.assetId]);
  };
  const exportCsv = () => {
    const rows = [['Contact owner', 'Partner', 'Next step', 'Due', 'Overdue']];
    for (const g of groups) for (const i of g.items) rows.push([g.owner, i.asset, i.nextStep, i.due, i.overdue ? 'yes' : '']);
    downloadBlob(new Blob([writeTableCsv(rows)], { type: 'text/csv;charset=utf-8' }), plainFileNameFor(`${doc.title} due ${today.slice(0, 7)}`, 'csv'));
  };
  const exportIcs = () => downloadBlob(new Blob([writeNextStepsIcs(doc)], { type: 'text/calendar;charset=utf-8' }), plainFileNameFor(`${doc.title} next steps`, 'ics'));

  return (
    <section className="am-insight-group am-due" aria-labelledby="insight-h-due">
      <h2 id="insight-h-due">
        Due in {month} <span className="am-count">{items.length}</span>
      </h2>
      <p className="am-muted">Next steps with partners due by the end of the month, overdue ones first, by contact owner.</p>
      {groups.length === 0 ? (
        <p className="am-none">Nothing due this month. Set a next step and its due date on a partner to see it here.</p>
      ) : (
        groups.map((g) => (
          <div key={g.ownerId ?? 'none'} className="am-due-owner">
            <h3 dir="auto">{g.owner}</h3>
            <ul className="am-findings">
              {g.items.map((i) => (
                <li key={i.assetId} className={`am-finding${i.overdue ? ' is-overdue' : ''}`}>
                  <p>
                    <strong dir="auto">{i.asset}</strong>: <span dir="auto">{i.nextStep || 'a next step'}</span> —{' '}
                    {i.overdue ? `overdue since ${formatDay(i.due)}` : `due ${formatDay(i.due)}`}
                  </p>
                  <div className="am-finding-actions">
                    <button type="button" onClick={() => show(i)} aria-label={`Show ${i.asset} on map`}>
                      Show on map
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
      <div className="am-due-actions">
        <button type="button" onClick={exportCsv} disabled={!items.length}>
          Export Due list (CSV)
        </button>
        <button type="button" onClick={exportIcs} disabled={!withDue}>
          Export next steps to a calendar (.ics)
        </button>
        <label htmlFor={staleId} className="am-inline-field">
          A tie goes stale after
          <input
            id={staleId}
            type="number"
            min={1}
            max={60}
            value={doc.staleAfterMonths ?? DEFAULT_STALE_MONTHS}
            onChange={(e) => {
              const months = Number(e.target.value);
              if (Number.isInteger(months) && months >= 1 && months <= 60) {
                workspace.store.dispatch('setStaleAfter', { months: months === DEFAULT_STALE_MONTHS ? undefined : months }, { coalesce: 'stale-after' });
              }
            }}
          />
          months without contact
        </label>
      </div>
    </section>
  );
}
