// The `map-tiles` attribute's check, apart from the tile code itself: it runs when the attribute is
// read (a bad template is reported at once), while map-tiles.ts only arrives with the map's code,
// after the first suggestion is on screen (see loadMapCode in element.ts).
const PLACEHOLDERS = /\{([^}]*)\}/g;

/**
 * Checks a tile URL template as the host wrote it: `{z}`, `{x}` and `{y}` each present, no other
 * placeholder, and an http(s) URL once filled in (relative URLs resolve against the page).
 * Returns an error message quoting it, or null when it is usable.
 */
export function tileTemplateProblem(template: string, baseUrl?: string): string | null {
  const quoted = JSON.stringify(template);
  const names = [...template.matchAll(PLACEHOLDERS)].map((m) => m[1]);
  const missing = ['z', 'x', 'y'].filter((n) => !names.includes(n));
  const unknown = names.filter((n) => !['z', 'x', 'y'].includes(n!));
  const why = missing.length
    ? `it has no ${missing.map((n) => `{${n}}`).join(', ')}`
    : unknown.length
      ? `only {z}, {x} and {y} are filled in, not {${unknown[0]}}`
      : isHttp(fill(template, 0, 0, 0), baseUrl)
        ? null
        : 'it is not an http(s) URL';
  return (
    why && `map-tiles must be a raster tile URL template like "https://tiles.example/{z}/{x}/{y}.png" (got ${quoted}: ${why}); drawing the map without tiles`
  );
}

export function fill(template: string, z: number, x: number, y: number): string {
  return template.replace(PLACEHOLDERS, (_, name: string) => String(name === 'z' ? z : name === 'x' ? x : y));
}

function isHttp(url: string, baseUrl?: string): boolean {
  try {
    const { protocol } = new URL(url, baseUrl);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
