/**
 * A dialog gives the focus back to what opened it when it closes: React removes a closed dialog from the page,
 * and the browser then puts the focus on the page's body, where a keyboard user has lost their place.
 * Call it before the effect that opens the dialog, so that it sees the opener still focused.
 */
import { useEffect } from 'react';

/**
 * `fallback`: where the focus goes when the opener has gone meanwhile (a dialog opened from another dialog, which
 * closed as it opened).
 */
export function useReturnFocus(open = true, fallback?: () => HTMLElement | null): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the fallback is read when the dialog closes
  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    return () => {
      // After the dialog has gone: the opener may itself have been re-rendered meanwhile.
      requestAnimationFrame(() => {
        if (document.querySelector('dialog[open]')) return;
        const target = opener?.isConnected ? opener : fallback?.();
        target?.focus();
      });
    };
  }, [open]);
}
