// "Use my location" and the host geocoder's form, while the viewer's own position is unknown (a
// buyer's once the listing's is known; a seller's at once).
import { html, nothing } from 'lit';
import type { RenderContext } from './context.js';

export interface LocateState {
  /** The viewer's position came from "Use my location" or the geocoder (so it can be changed). */
  located: boolean;
  locating: boolean;
  geocoding: boolean;
  /** The host set a geocoder: show the "ZIP code or address" form. */
  geocoder: boolean;
}

export function renderLocate(ctx: RenderContext, state: LocateState) {
  const { messages: m, view } = ctx;
  const seller = view.inputs.viewer === 'seller';
  const party = seller ? view.inputs.seller : view.inputs.buyer;
  // A buyer waits for the listing's position; a seller with none is offered their own.
  if (!view.inputs.seller && !seller) return nothing;
  if (party) {
    return state.located ? html`<p><button type="button" class="link" @click=${() => ctx.on.clearLocation()}>${m.changeLocation}</button></p>` : nothing;
  }
  return html`<div class="locate">
    <button type="button" part="locate" class="primary" ?disabled=${state.locating} @click=${() => ctx.on.locate()}>${m.locate}</button>
    ${
      state.geocoder
        ? html`<form part="geocoder" class="geocoder" @submit=${(event: SubmitEvent) => ctx.on.geocode(event)}>
            <label for="place">${m.geocodeLabel}</label>
            <span class="geocoder-row">
              <input id="place" name="place" type="text" autocomplete="postal-code" required />
              <button type="submit" class="secondary" ?disabled=${state.geocoding}>${m.geocodeSubmit}</button>
            </span>
          </form>`
        : nothing
    }
  </div>`;
}
