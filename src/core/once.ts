// Loading a file on demand, once for the whole page.

/**
 * `load`, run at the first call and shared by every call while it runs and after it succeeded. A
 * failure (refused, offline) is not kept: it reaches the callers waiting then, and the next call
 * runs `load` again.
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}
