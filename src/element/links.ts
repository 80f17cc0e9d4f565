// Links the widget renders. Directions always point at the station only — never from, to or via
// either party — and every href is checked to be http(s) at the moment it is rendered.
import { isHttpUrl } from '../core/dataset.js';
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

/**
 * The same links with the platform's own maps app first (Apple Maps on iPhone, iPad and Mac), so the
 * directions menu opens on the app a person most likely has; the order is the only difference.
 */
export function platformDirections(station: Station, userAgent = globalThis.navigator?.userAgent ?? ''): Link[] {
  const links = directionsLinks(station);
  return /iPhone|iPad|iPod|Macintosh/.test(userAgent) ? [links[1]!, links[0]!, links[2]!] : links;
}

/** Directions to the station only: never to or from either party. */
export function directionsUrl(station: Station): string {
  return directionsLinks(station)[0]!.href;
}

/** The URL when it is an absolute http(s) URL (the dataset's own rule), else null: never a link. */
export function safeHref(url: string | undefined): string | null {
  return url && isHttpUrl(url) ? url : null;
}
