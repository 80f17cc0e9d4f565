// The action row under a suggestion: "Suggest this station", "Copy message"/"Share", directions.
import { html, nothing } from 'lit';
import type { Station, Suggestion } from '../../core/types.js';
import { directionsLinks, type Link } from '../links.js';
import type { RenderContext } from './context.js';

/** The card's full row (buttons, then every map app), or a row's short one (one directions link). */
export function renderActions(ctx: RenderContext, s: Suggestion, full: boolean) {
  const m = ctx.messages;
  const links = directionsLinks(s.station);
  const link = (l: Link, text: string) =>
    html`<a part="directions" class="link" href=${l.href} target="_blank" rel="noopener noreferrer" aria-label=${m.directionsIn(l.label, s.station.name)}
      >${text}</a
    >`;
  return html`<div part="actions" class="actions">
      ${renderSelectShare(ctx, s, full ? ['primary', 'secondary'] : ['secondary', 'link'])} ${full ? nothing : link(links[0]!, m.directions)}
    </div>
    ${full ? html`<p class="directions">${m.directions}: ${links.map((l, i) => html`<span class="dl">${i ? '·' : ''}${link(l, l.label)}</span>`)}</p>` : nothing}`;
}

/** "Suggest this station" and "Copy message"/"Share", styled by the two classes given. */
export function renderSelectShare(ctx: RenderContext, s: Suggestion, [selectClass, shareClass]: [string, string]) {
  const m = ctx.messages;
  return html`<button type="button" part="select" class=${selectClass} @click=${() => ctx.on.select(s)}>${m.select}</button>
    <button type="button" part="share" class=${shareClass} @click=${() => ctx.on.share(s)}>${ctx.nativeShare ? m.shareNative : m.share}</button>`;
}

/** The meeting message to copy by hand, when the clipboard refused it for this station. */
export function renderManualShare(ctx: RenderContext, station: Station) {
  if (ctx.manualShare?.id !== station.id) return nothing;
  return html`<label class="manual">${ctx.messages.copyManually}<textarea readonly .value=${ctx.manualShare.text}></textarea></label>`;
}
