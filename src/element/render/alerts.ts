// The error box (role=alert) and the polite status line.
import { html, nothing } from 'lit';
import type { RenderContext } from './context.js';
import { ownDistance } from './distance.js';

export function renderErrors(ctx: RenderContext) {
  const { messages: m, view } = ctx;
  if (!view.errors.length) return nothing;
  // The help for "no station near enough" follows the alert, outside it, so that screen readers
  // announce the short alert and people read on at their own pace. Its code comes after the alert
  // (with the map's, later.ts): the alert never waits for it.
  return html`<div part="alert" role="alert" class="alert">
      ${view.errors.map(
        (e) =>
          html`<p data-code=${e.code}>${m.errors[e.code] ?? ctx.later?.laterMessages(m).errors[e.code]}</p>
            <p class="detail">${e.message}</p>
            ${e.code === 'dataset-fetch' ? html`<button type="button" class="secondary" @click=${() => ctx.on.retry()}>${m.retry}</button>` : nothing}`,
      )}
    </div>
    ${ctx.later && view.errors.some((e) => e.code === 'no-station') ? ctx.later.renderNoStationHelp(ctx) : nothing}`;
}

export interface StatusState {
  locating: boolean;
  geocoding: boolean;
  /** A one-off announcement ("Copied", "You suggested …"). */
  notice: string;
  /** An answer (dataset or tile query) is on its way with nothing wrong. */
  pending: boolean;
}

/**
 * What the polite live region says, and whether sighted people see it too: the new best
 * suggestion is announced in the hidden region, since the card already shows it.
 */
export function statusText(ctx: RenderContext, state: StatusState): { text: string; visible: boolean } {
  const { messages: m, view } = ctx;
  const shown = (text: string) => ({ text, visible: true });
  if (state.locating) return shown(m.locating);
  if (state.geocoding) return shown(m.geocoding);
  if (state.notice) return shown(state.notice);
  if (state.pending) return shown(m.loading);
  if (!view.inputs.seller && !view.errors.some((e) => e.code === 'location-invalid')) return shown(m.idle);
  const best = view.suggestions?.[0];
  return { text: best ? m.announce(best.station.name, ownDistance(m, view, best)) : '', visible: false };
}

export function renderStatus(ctx: RenderContext, state: StatusState) {
  const status = statusText(ctx, state);
  return html`<p part="status" role="status" aria-live="polite" class=${status.visible ? 'status' : 'visually-hidden'}>${status.text}</p>`;
}
