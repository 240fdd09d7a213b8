/**
 * One paint per animation frame for the map's canvases: asked for by the caller (the document, a drag), and
 * whenever React Flow's view moves or the canvas is resized.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';

export function useFramePainter(paint: () => void): () => void {
  const store = useStoreApi();
  const latest = useRef(paint);
  latest.current = paint;
  const frame = useRef(0);
  const request = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      latest.current();
    });
  }, []);
  useEffect(() => {
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) request();
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [store, request]);
  return request;
}
