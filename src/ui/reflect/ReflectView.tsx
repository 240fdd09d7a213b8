export function ReflectView() {
  return <div className="am-placeholder">Coming soon.</div>;
}
