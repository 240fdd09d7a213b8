/**
 * Runs `fn` with what `find` finds, once it is shown: a field of the side panel comes a frame or two after the
 * selection changes, or, its code being loaded on demand, some time later on a slow machine or line. Waiting
 * stops after `timeoutMs`, or as soon as the user puts the focus somewhere else (what they did meanwhile wins).
 */
export function whenShown<T extends Element>(find: () => T | null | undefined, fn: (found: T) => void, timeoutMs = 10_000): void {
  const since = performance.now();
  // Where the focus is at the first frame: the key's own aftermath (a menu giving it back, an editor gone).
  let start: Element | null | undefined;
  const go = () => {
    const at = document.activeElement;
    if (start === undefined) start = at;
    else if (at !== start && at !== null && at !== document.body) return;
    const found = find();
    if (found) fn(found);
    else if (performance.now() - since < timeoutMs) requestAnimationFrame(go);
  };
  requestAnimationFrame(go);
}
