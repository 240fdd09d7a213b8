/**
 * Code loaded on demand, once: the first call starts the load and every call shares it. A load that failed
 * (offline before the code was ever fetched) is tried again by the next call.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw e;
    }));
}
