import type { Actions } from '../actions';

export function WorksheetView(_props: { actions: Actions }) {
  return <div className="am-placeholder">Coming soon.</div>;
}
