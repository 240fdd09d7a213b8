import type { Actions } from '../actions';

export function InsightsView(_props: { actions: Actions }) {
  return <div className="am-placeholder">Coming soon.</div>;
}
