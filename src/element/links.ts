// Links the widget renders. Directions always point at the station only — never from, to or via
// either party — and every href is checked to be http(s) at the moment it is rendered.
import type { Station } from '../core/types.js';

export interface Link {
  label: string;
  href: string;
}

/** Directions to the station in three map apps; the apps ask the viewer for their own start. */
export function directionsLinks(station: Station): Link[] {
  const at = `${station.lat},${station.lng}`;
  const name = encodeURIComponent(station.name);
  return [
    { label: 'Google Maps', href: `https://www.google.com/maps/dir/?api=1&destination=${at}` },
    { label: 'Apple Maps', href: `https://maps.apple.com/?daddr=${at}&q=${name}` },
    { label: 'OpenStreetMap', href: `https://www.openstreetmap.org/directions?to=${at}#map=17/${at.replace(',', '/')}` },
  ];
}

/** The URL when it is an absolute http(s) URL, else null: anything else is never a link. */
export function safeHref(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
