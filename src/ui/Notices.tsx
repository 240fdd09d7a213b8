/** Messages to the user: errors stay until dismissed, others fade; each can offer an action such as Undo. */
import { useServices, useSession } from './context';

export function Notices() {
  const { session } = useServices();
  const notices = useSession((s) => s.notices);
  return (
    <div className="am-notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`am-notice am-notice-${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'}>
          <span dir="auto">{n.text}</span>
          {[...(n.action ? [n.action] : []), ...(n.more ?? [])].map((a) => (
            <button
              key={a.label}
              type="button"
              onClick={() => {
                a.run();
                session.dismiss(n.id);
              }}
            >
              {a.label}
            </button>
          ))}
          <button type="button" className="am-close" aria-label="Dismiss message" onClick={() => session.dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
