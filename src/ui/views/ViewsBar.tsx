/**
 * Saved views and Present, beside the tabs: a "Saved views" menu (Save view…, each view to go to, Manage
 * views…) and the Present button, which shows the views one after another, full screen (Presenter.tsx).
 */
import { getViews } from '../../model';
import { useReadOnly, useServices, useStoreState } from '../context';
import { Menu } from '../Menu';
import { showView } from './savedViews';

export function ViewsBar() {
  const { session } = useServices();
  const { doc } = useStoreState();
  const readOnly = useReadOnly() !== undefined;
  const views = getViews(doc);
  return (
    <div className="am-views-bar">
      <Menu
        label="Saved views"
        buttonClass="am-views-menu"
        icon={
          <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" className="am-menu-icon">
            <path d="M6 3h12v18l-6-4-6 4z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
          </svg>
        }
      >
        {(close) => (
          <>
            <button
              type="button"
              role="menuitem"
              disabled={readOnly}
              onClick={() => {
                close();
                session.set({ tab: 'map', saveViewOpen: true });
              }}
            >
              Save view…
            </button>
            {views.length > 0 && <div role="separator" className="am-menu-sep" />}
            {views.map((v) => (
              <button
                key={v.id}
                type="button"
                role="menuitem"
                dir="auto"
                onClick={() => {
                  close();
                  showView(session, v);
                }}
              >
                {v.name}
              </button>
            ))}
            <div role="separator" className="am-menu-sep" />
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                close();
                session.set({ viewsOpen: true });
              }}
            >
              Manage views…
            </button>
          </>
        )}
      </Menu>
      <button
        type="button"
        className="am-present-button"
        title={views.length ? `Show the ${views.length} saved ${views.length === 1 ? 'view' : 'views'} one after another, full screen` : 'Show the whole map full screen (save views to step through them)'}
        onClick={() => session.set({ tab: 'map', presenting: true, labelEdit: undefined })}
      >
        <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" className="am-menu-icon">
          <path d="M7 4l13 8-13 8z" fill="currentColor" />
        </svg>
        Present
      </button>
    </div>
  );
}
