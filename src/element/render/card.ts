// The expanded suggestion: where, why it is safe, how far for each, the map, actions, details.
import { html, nothing } from 'lit';
import { isOpenAt } from '../../core/hours.js';
import type { Suggestion } from '../../core/types.js';
import { hoursLine } from '../../i18n/hours.js';
import { addressLine, formatDate } from '../format.js';
import { safeHref } from '../links.js';
import { MAP_SIZE, renderMap } from '../map.js';
import { renderActions, renderManualShare } from './actions.js';
import type { RenderContext } from './context.js';
import { distanceText, whyText } from './distance.js';

export function renderCard(ctx: RenderContext, s: Suggestion, best: boolean) {
  const { messages: m, view } = ctx;
  const { station } = s;
  const party = view.inputs.viewer === 'seller' ? view.inputs.seller : view.inputs.buyer;
  const other = view.inputs.viewer === 'seller' ? view.inputs.buyer : view.inputs.seller;
  const otherName = view.inputs.viewer === 'seller' ? m.buyer : m.seller;
  // As of now: "Open 24/7", "Open now · until 20:00", "Closed · opens Mon 08:00".
  const hours = hoursLine(station, ctx.now, view.locale, m) ?? '';
  const website = safeHref(station.url);
  const distance = distanceText(m, view, s);
  return html`<div part="card">
    ${best ? html`<p part="badge" class="badge">${view.inputs.buyer ? m.best : m.bestSellerOnly}</p>` : nothing}
    <h3 part="name" tabindex="-1"><bdi>${station.name}</bdi></h3>
    ${station.agency ? html`<p part="agency" class="muted"><bdi>${station.agency}</bdi></p>` : nothing}
    <p part="address"><bdi>${addressLine(station)}</bdi></p>
    ${station.spot ? html`<p part="spot"><strong>${m.where}:</strong> <bdi>${station.spot}</bdi></p>` : nothing}
    ${hours ? html`<p part="hours" class=${isOpenAt(station, ctx.now) === false ? 'closed' : ''}>${hours}</p>` : nothing}
    ${
      station.features?.length
        ? html`<ul part="features" class="features">
            ${station.features.map((f) => html`<li part="feature" class="feature">${m.features[f]}</li>`)}
          </ul>`
        : nothing
    }
    <p part="distance">${distance}</p>
    <p part="why" class="why">${whyText(m, view, s)}</p>
    <svg part="map" class="map" viewBox="0 0 ${MAP_SIZE} ${MAP_SIZE}" role="img" aria-label=${m.map(station.name, distance)}>
      ${renderMap({ station, viewer: party, other, unit: view.unit, locale: view.locale, labels: { station: m.mapStation, you: m.mapYou, other: m.mapOther(otherName) } })}
    </svg>
    ${renderActions(ctx, s, true)} ${renderManualShare(ctx, station)}
    <details part="details" class="details">
      <summary>${m.details}</summary>
      ${station.agency ? html`<p>${m.agency}: <bdi>${station.agency}</bdi></p>` : nothing}
      ${station.phone ? html`<p>${m.phone}: <bdi>${station.phone}</bdi></p>` : nothing}
      ${website ? html`<p><a class="link" href=${website} target="_blank" rel="noopener noreferrer">${m.website}</a></p>` : nothing}
      ${station.notes ? html`<p class="muted"><bdi>${station.notes}</bdi></p>` : nothing}
      ${station.verified ? html`<p class="muted">${m.verified(formatDate(station.verified, view.locale))}</p>` : nothing}
      ${
        ctx.reported === station.id
          ? html`<p class="muted">${m.reported}</p>`
          : html`<button type="button" part="report" class="link" @click=${() => ctx.on.report(station)}>${m.report}</button>`
      }
    </details>
  </div>`;
}
