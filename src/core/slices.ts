// Giving the main thread back, which the element does on its way to the first suggestion. Running
// long loops in slices is steps.ts: only the dataset checker and the tile code use it, so the
// script tag's element file does without it.

/**
 * Resolves in a new task, so that input, rendering and other tasks can run first: with
 * `scheduler.yield()` where there is one (the continuation keeps its place ahead of other work),
 * else a MessageChannel message (not clamped like a nested setTimeout), else setTimeout.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = () => {
        port1.close();
        resolve();
      };
      port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
