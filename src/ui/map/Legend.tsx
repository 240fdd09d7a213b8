/** The legend: kinds and edge kinds in words, each kind also a filter toggle; the tag filter, Size by ties and Focus. */
import { Panel } from '@xyflow/react';
import { useId, useMemo } from 'react';
import { ASSET_KIND_ORDER, type AssetKind, getTagCounts } from '../../model';
import { KIND_STYLES, edgeStroke, nodeLook } from '../../look';
import { useServices, useSession, useStoreState } from '../context';
import { KindIcon } from './KindIcon';
import { FocusControl } from './FocusControl';

const EDGE_ROWS = [
  ['strength', 'Strength'],
  ['weakness', 'Weakness'],
  ['improvement', 'Improves'],
  ['relationship', 'Relationship (thicker = closer)'],
  ['supports', 'Supports'],
] as const;

const SUGGESTION = edgeStroke({ kind: 'relationship', suggestion: true });

export function Legend({ suggestionsNote, overview = false }: { suggestionsNote?: string; overview?: boolean }) {
  const { session } = useServices();
  const hidden = useSession((s) => s.hiddenKinds);
  const showSuggestions = useSession((s) => s.showSuggestions);
  const sizeByTies = useSession((s) => s.sizeByTies);
  const toggle = (kind: AssetKind) =>
    session.set({ hiddenKinds: hidden.includes(kind) ? hidden.filter((k) => k !== kind) : [...hidden, kind] });
  return (
    <Panel position="top-left" className="am-legend">
      <div className="am-legend-row">
        <span className="am-legend-title">Show</span>
        <div role="group" aria-label="Show kinds" className="am-legend-kinds">
          {ASSET_KIND_ORDER.map((kind) => (
            <button
              key={kind}
              type="button"
              className="am-legend-kind"
              aria-pressed={!hidden.includes(kind)}
              aria-label={`Show ${KIND_STYLES[kind].name.toLowerCase()} assets`}
              onClick={() => toggle(kind)}
              style={{ borderColor: nodeLook(kind).border, background: hidden.includes(kind) ? '#fff' : nodeLook(kind).fill }}
            >
              <KindIcon kind={kind} />
              <span>{KIND_STYLES[kind].name}</span>
            </button>
          ))}
        </div>
        <ul className="am-legend-edges">
          {EDGE_ROWS.map(([kind, words]) => {
            const s = edgeStroke({ kind });
            return (
              <li key={kind}>
                <svg width="34" height="10" aria-hidden="true">
                  <line x1="1" y1="5" x2="33" y2="5" stroke={s.colour} strokeWidth={s.width} strokeDasharray={s.dash} strokeLinecap={s.cap} />
                </svg>
                {words}
              </li>
            );
          })}
        </ul>
        <label className="am-check am-legend-sugg">
          <input type="checkbox" checked={showSuggestions} onChange={(e) => session.set({ showSuggestions: e.target.checked })} />
          <svg width="26" height="10" aria-hidden="true">
            {/* Full strength and a little wider than on the map: a faint 1.5 px line is hard to find in a legend. */}
            <line x1="1" y1="5" x2="25" y2="5" stroke={SUGGESTION.colour} strokeWidth={2} strokeDasharray={SUGGESTION.dash} strokeLinecap={SUGGESTION.cap} />
          </svg>
          Show suggestions
        </label>
        {suggestionsNote && <span className="am-legend-note">{suggestionsNote}</span>}
        <TagFilter />
        <label className="am-check am-legend-ties" title="Draw each asset larger the more relationships and supports connections it has">
          <input type="checkbox" checked={sizeByTies} onChange={(e) => session.set({ sizeByTies: e.target.checked })} />
          Size by ties
        </label>
        <FocusControl />
        {overview && (
          <span className="am-legend-note am-overview-note" role="status">
            Overview: click an item to select it; zoom in, or find it (Ctrl+F), to work on the map
          </span>
        )}
      </div>
    </Panel>
  );
}

/** Only the assets with a tag (or with an item that has it), and what hangs off them. */
function TagFilter() {
  const { session } = useServices();
  const { doc } = useStoreState();
  const tag = useSession((s) => s.tagFilter);
  const nodes = doc.nodes;
  const tags = useMemo(() => getTagCounts({ nodes }), [nodes]);
  const id = useId();
  // A tag the map no longer has stays a choice while it is chosen, so that the filter says what it does.
  const choices = tag !== undefined && !tags.some((t) => t.tag === tag) ? [{ tag, count: 0 }, ...tags] : tags;
  return (
    <span className="am-tag-filter">
      <label htmlFor={id}>Tag</label>
      <select
        id={id}
        aria-label="Filter by tag"
        value={tag === undefined ? '' : `t:${tag}`}
        disabled={!choices.length}
        title={choices.length ? undefined : 'No item has a tag yet: add tags in the side panel'}
        onChange={(e) => session.set({ tagFilter: e.target.value ? e.target.value.slice(2) : undefined })}
      >
        <option value="">All tags</option>
        {choices.map((t) => (
          <option key={t.tag} value={`t:${t.tag}`}>
            {`${t.tag} (${t.count})`}
          </option>
        ))}
      </select>
    </span>
  );
}
