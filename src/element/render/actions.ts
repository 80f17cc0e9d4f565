// The card's actions: "Suggest this station", "Copy message"/"Share", one directions control (a
// short menu of map apps, the platform's own first), and on narrow screens the "Map" disclosure.
import { html, type TemplateResult } from 'lit';
import type { Station, Suggestion } from '../../core/types.js';
import { platformDirections } from '../links.js';
import type { RenderContext } from './context.js';

/** The card's row; `more` (the station details disclosure) ends it. */
export function renderActions(ctx: RenderContext, s: Suggestion, more: TemplateResult) {
  const m = ctx.messages;
  return html`<div part="actions" class="actions">
    ${renderSelectShare(ctx, s, ['primary', 'secondary'])} ${renderDirectionsMenu(ctx, s.station)}
    <button
      type="button"
      part="map-toggle"
      class="secondary map-toggle"
      aria-expanded=${ctx.mapOpen ? 'true' : 'false'}
      aria-controls="map"
      @click=${() => ctx.on.toggleMap()}
    >
      ${m.mapToggle}
    </button>
    ${more}
  </div>`;
}

/**
 * Directions as one control: a native disclosure (keyboard and screen readers know it as a button
 * that is expanded or collapsed) over a list of map apps. Escape closes it and puts focus back on
 * it; so does focus or a click going elsewhere. Every href is http(s) (links.ts builds them).
 */
export function renderDirectionsMenu(ctx: RenderContext, station: Station) {
  const m = ctx.messages;
  return html`<details class="menu" @keydown=${closeOnEscape} @focusout=${closeWhenLeft}>
    <summary part="directions-menu" class="secondary">${m.directions}</summary>
    <ul class="menu-list" aria-label=${m.directionsTo(station.name)}>
      ${platformDirections(station).map(
        (l) =>
          html`<li>
            <a part="directions" class="menu-link" href=${l.href} target="_blank" rel="noopener noreferrer" aria-label=${m.directionsIn(l.label, station.name)}
              >${l.label}</a
            >
          </li>`,
      )}
    </ul>
  </details>`;
}

function closeOnEscape(event: KeyboardEvent): void {
  const menu = event.currentTarget as HTMLDetailsElement;
  if (event.key !== 'Escape' || !menu.open) return;
  event.stopPropagation();
  menu.open = false;
  menu.querySelector('summary')?.focus();
}

function closeWhenLeft(event: FocusEvent): void {
  const menu = event.currentTarget as HTMLDetailsElement;
  if (menu.open && !menu.contains(event.relatedTarget as Node | null)) menu.open = false;
}

/** "Suggest this station" and "Copy message"/"Share", styled by the two classes given. */
export function renderSelectShare(ctx: RenderContext, s: Suggestion, [selectClass, shareClass]: [string, string]) {
  const m = ctx.messages;
  return html`<button type="button" part="select" class=${selectClass} @click=${() => ctx.on.select(s)}>${m.select}</button>
    <button type="button" part="share" class=${shareClass} @click=${() => ctx.on.share(s)}>${ctx.nativeShare ? m.shareNative : m.share}</button>`;
}
