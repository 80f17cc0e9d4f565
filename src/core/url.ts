// Which URLs may become links or requests. Its own module so that the element can use it
// without the dataset schema (and zod) that dataset.ts builds when it loads.

export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
