/**
 * Reflect: the four questions of Worksheet #6, "Your relationships capacity", each with the facts from the map
 * that bear on it and an answer box saved in the map.
 */
import { useMemo } from 'react';
import { REFLECT_QUESTIONS, getReflectFacts } from '../../analysis';
import { useServices, useStoreState } from '../context';
import { TextField } from '../panel/fields';
import { useFindings } from '../useFindings';

export function ReflectView() {
  const { workspace } = useServices();
  const { doc } = useStoreState();
  const { findings, doc: analysed } = useFindings();
  const facts = useMemo(() => getReflectFacts(analysed, findings), [analysed, findings]);
  return (
    <div className="am-reflect">
      <h1>Reflect</h1>
      <p className="am-muted">Worksheet #6, “Your relationships capacity”: look at the whole map and answer for your library.</p>
      <ol className="am-questions">
        {REFLECT_QUESTIONS.map((q, i) => (
          <li key={q.id} className="am-question">
            <h2 id={`q-${q.id}`}>
              {i + 1}. {q.text}
            </h2>
            <div className="am-facts" aria-label={`What the map shows for question ${i + 1}`} role="group">
              <h3>What the map shows</h3>
              <ul>
                {facts[q.id].map((fact, k) => (
                  <li key={k} dir="auto">
                    {fact}
                  </li>
                ))}
              </ul>
            </div>
            <TextField
              label={`Your answer to question ${i + 1}`}
              value={doc.reflect[q.id] ?? ''}
              multiline
              rows={4}
              coalesceKey={`reflect:${q.id}`}
              onChange={(text, c) => workspace.store.dispatch('setReflectAnswer', { question: q.id, text }, { coalesce: c })}
            />
          </li>
        ))}
      </ol>
    </div>
  );
}
