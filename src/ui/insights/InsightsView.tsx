/**
 * Insights: what the map shows that nobody asked about — unused strengths, partners no one holds, silos, open
 * weaknesses, and suggested connections to accept or dismiss. "Show on map" selects a finding's nodes, centres
 * the map on them and dims the rest; Escape clears. Suggestions come best first, each with how good a match it
 * is; weak ones, and any past the first SHOWN_FIRST, wait behind "Show more".
 */
import { Fragment, useMemo, useRef, useState } from 'react';
import { FINDING_KINDS, FINDING_KIND_NAMES, type Finding, type FindingKind, GRADE_WORDS } from '../../analysis';
import { AREA_NAMES, newId } from '../../model';
import { useReadOnly, useServices, useSession } from '../context';
import type { Actions } from '../actions';
import { useFindings } from '../useFindings';
import { DueList } from './DueList';
import { FOLDED_SHOWN, FOLD_OVER, INSIGHT_ORDER } from './insightOrder';
import { useKeptPlace } from './useKeptPlace';

export function showOnMap(services: ReturnType<typeof useServices>, finding: Finding) {
  const { session } = services;
  session.set({ tab: 'map', focus: finding.nodeIds, selection: finding.nodeIds });
  session.centre(finding.nodeIds);
}

export function acceptSuggestion(services: ReturnType<typeof useServices>, finding: Finding) {
  const { workspace, session } = services;
  if (!finding.accept) return;
  const ok = workspace.store.dispatch('linkAssets', { id: newId('e'), ...finding.accept });
  session.notify(
    ok
      ? { tone: 'success', text: 'Added the connection to the map.', action: { label: 'Take back', run: () => workspace.store.undo() } }
      : { tone: 'info', text: 'That connection is already on the map.' },
  );
}

/** Suggestions listed before "Show more": enough to act on, few enough to read. */
export const SHOWN_FIRST = 30;

/** The suggestions shown at first, and the ones behind "Show more". */
export function splitSuggestions(list: readonly Finding[]): { shown: Finding[]; more: Finding[] } {
  const shown: Finding[] = [];
  const more: Finding[] = [];
  for (const f of list) (f.grade !== 'weak' && shown.length < SHOWN_FIRST ? shown : more).push(f);
  return { shown, more };
}

export function InsightsView(_props: { actions: Actions }) {
  const services = useServices();
  const { workspace, session } = services;
  const { findings, dismissed, doc, pending } = useFindings();
  const readOnly = useReadOnly() !== undefined;
  const showSuggestions = useSession((s) => s.showSuggestions);
  const groups = useMemo(() => {
    const by = new Map<FindingKind, Finding[]>(FINDING_KINDS.map((k) => [k, []]));
    for (const f of findings) by.get(f.kind)!.push(f);
    return by;
  }, [findings]);
  const root = useRef<HTMLDivElement>(null);
  const { expanded, toggle } = useKeptPlace(doc.id, root);
  const assetCount = Object.values(doc.nodes).filter((n) => n.kind !== 'strength' && n.kind !== 'weakness' && n.kind !== 'improvement').length;

  return (
    <div className="am-insights" ref={root}>
      <div className="am-insights-head">
        <div>
          <h1>Insights</h1>
          <p className="am-muted">
            {findings.length} {findings.length === 1 ? 'finding' : 'findings'} on {assetCount} {assetCount === 1 ? 'asset' : 'assets'}. What do you
            notice about your internal assets that you never thought about?
          </p>
          {pending && (
            <p className="am-muted" role="status">
              Working out the findings of this large map…
            </p>
          )}
        </div>
        <label className="am-check">
          <input type="checkbox" checked={showSuggestions} onChange={(e) => session.set({ showSuggestions: e.target.checked })} />
          Show suggestions on the map
        </label>
      </div>
      <nav className="am-insights-toc" aria-label="Kinds of findings">
        {INSIGHT_ORDER.map((k) => (
          <a key={k} href={`#insight-${k}`}>
            {FINDING_KIND_NAMES[k].title} <span className="am-count">{groups.get(k)!.length}</span>
          </a>
        ))}
      </nav>
      {INSIGHT_ORDER.map((kind) => {
        const all = groups.get(kind)!;
        const folded = all.length > FOLD_OVER && !expanded.has(kind);
        const list = folded ? all.slice(0, FOLDED_SHOWN) : all;
        return (
          <Fragment key={kind}>
          {/* The month's next steps go with the ledger's findings, after the suggestions. */}
          {kind === 'overdue-step' && <DueList doc={doc} />}
          <section id={`insight-${kind}`} className="am-insight-group" aria-labelledby={`insight-h-${kind}`}>
            <h2 id={`insight-h-${kind}`}>
              {FINDING_KIND_NAMES[kind].title} <span className="am-count">{all.length}</span>
            </h2>
            <p className="am-muted">{FINDING_KIND_NAMES[kind].description}</p>
            {list.length === 0 ? (
              <p className="am-none">None on this map.</p>
            ) : kind === 'suggested-connection' ? (
              <SuggestionList list={list} />
            ) : (
              <ul className="am-findings">
                {list.map((f) => (
                  <FindingItem key={f.id} finding={f} />
                ))}
              </ul>
            )}
            {all.length > FOLD_OVER && (
              <button type="button" className="am-link am-fold" aria-expanded={!folded} onClick={() => toggle(kind)}>
                {folded ? `Show all ${all.length} ${FINDING_KIND_NAMES[kind].title.toLowerCase()}` : 'Show fewer'}
              </button>
            )}
          </section>
          </Fragment>
        );
      })}
      <section className="am-insight-group" aria-labelledby="insight-h-dismissed">
        <h2 id="insight-h-dismissed">
          Dismissed suggestions <span className="am-count">{dismissed.length}</span>
        </h2>
        {dismissed.length === 0 ? (
          <p className="am-none">None.</p>
        ) : (
          <ul className="am-findings">
            {dismissed.map((f) => (
              <li key={f.id} className="am-finding is-dismissed">
                <p dir="auto">{f.reason}</p>
                <div className="am-finding-actions">
                  <button type="button" disabled={readOnly} onClick={() => workspace.store.dispatch('restoreSuggestion', { key: f.id })}>
                    Restore
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function SuggestionList({ list }: { list: Finding[] }) {
  const [open, setOpen] = useState(false);
  const { shown, more } = useMemo(() => splitSuggestions(list), [list]);
  return (
    <>
      <ul className="am-findings">
        {shown.map((f) => (
          <FindingItem key={f.id} finding={f} />
        ))}
      </ul>
      {shown.length === 0 && <p className="am-none">Only weak matches on this map.</p>}
      {more.length > 0 && (
        <>
          <button type="button" className="am-show-more" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Show fewer' : `Show more (${more.length})`}
          </button>
          {open && (
            <ul className="am-findings am-findings-more">
              {more.map((f) => (
                <FindingItem key={f.id} finding={f} />
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

function FindingItem({ finding: f }: { finding: Finding }) {
  const services = useServices();
  const { workspace, session } = services;
  const readOnly = useReadOnly() !== undefined;
  return (
    <li className={`am-finding${f.grade ? ` is-${f.grade}` : ''}`}>
      <p dir="auto">{f.reason}</p>
      {f.areas && f.areas.length > 0 && (
        <p className="am-areas-line">
          {f.grade && <span className={`am-grade is-${f.grade}`}>{GRADE_WORDS[f.grade]}</span>}
          {f.grade && ' · '}
          Areas: {f.areas.map((a) => AREA_NAMES[a]).join(', ')}
        </p>
      )}
      <div className="am-finding-actions">
        <button type="button" onClick={() => showOnMap(services, f)}>
          Show on map
        </button>
        {f.accept && (
          <>
            <button type="button" className="am-primary" disabled={readOnly} onClick={() => acceptSuggestion(services, f)}>
              Accept
            </button>
            <button
              type="button"
              disabled={readOnly}
              onClick={() => {
                workspace.store.dispatch('dismissSuggestion', { key: f.id });
                session.notify({
                  tone: 'info',
                  text: 'Dismissed the suggestion: it is listed under “Dismissed suggestions”, and suggestions of the same offer for the same kind of need now rank lower on this map.',
                  action: { label: 'Take back', run: () => workspace.store.undo() },
                });
              }}
            >
              Dismiss
            </button>
          </>
        )}
      </div>
    </li>
  );
}
