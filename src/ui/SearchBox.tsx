/** Find on map (Ctrl/Cmd+F): finds nodes by their text, selects the match and centres the map on it. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useServices, useStoreState } from './context';

export function SearchBox() {
  const { session } = useServices();
  const { doc } = useStoreState();
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  const matches = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    if (!q) return [];
    return Object.values(doc.nodes)
      .filter((n) => n.label.toLocaleLowerCase().includes(q) || n.details?.toLocaleLowerCase().includes(q))
      .sort((a, b) => a.y - b.y || a.x - b.x)
      .map((n) => n.id);
  }, [doc.nodes, query]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        session.set({ tab: 'map' });
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);

  const show = (i: number) => {
    if (!matches.length) return;
    const k = ((i % matches.length) + matches.length) % matches.length;
    setAt(k);
    session.set({ tab: 'map' });
    session.select([matches[k]!]);
    session.centre([matches[k]!]);
  };

  return (
    <div className="am-search" role="search">
      <input
        ref={input}
        type="search"
        placeholder="Find on map (Ctrl+F)"
        aria-label="Find on map"
        value={query}
        dir="auto"
        onChange={(e) => {
          setQuery(e.target.value);
          setAt(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            show(e.shiftKey ? at - 1 : matches[at] && session.getState().selection[0] === matches[at] ? at + 1 : at);
          } else if (e.key === 'Escape') {
            setQuery('');
          }
        }}
      />
      {query.trim() && (
        <span className="am-search-count" aria-live="polite">
          {matches.length ? `${Math.min(at + 1, matches.length)} of ${matches.length}` : 'No match'}
        </span>
      )}
    </div>
  );
}
