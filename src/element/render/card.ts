// The expanded suggestion: where, why it is safe, how far for each, the map, actions, details.
// Laid out to fit a phone: the facts in a column, the map beside them where there is room (behind
// a "Map" disclosure where there is not), and every action in one wrapping row.
import { html, nothing } from 'lit';
import { isOpenAt } from '../../core/hours.js';
import type { Suggestion } from '../../core/types.js';
import { hoursLine } from '../../i18n/hours.js';
import { addressLine, formatDate } from '../format.js';
import { safeHref } from '../links.js';
import { MAP_H, MAP_W } from '../map-frame.js';
import { renderActions } from './actions.js';
import type { RenderContext } from './context.js';
import { distanceText, whyText } from './distance.js';

export function renderCard(ctx: RenderContext, s: Suggestion, best: boolean) {
  const { messages: m, view } = ctx;
  const { station } = s;
  // As of now: "Open 24/7", "Open now · until 20:00", "Closed · opens Mon 08:00".
  const hours = hoursLine(station, ctx.now, view.locale, m) ?? '';
  const website = safeHref(station.url);
  const distance = distanceText(m, view, s);
  const details = html`<details part="details" class="details">
    <summary>${m.details}</summary>
    ${station.agency ? html`<p>${m.agency}: <bdi part="agency">${station.agency}</bdi></p>` : nothing}
    ${station.phone ? html`<p>${m.phone}: <bdi>${station.phone}</bdi></p>` : nothing}
    ${website ? html`<p><a class="link" href=${website} target="_blank" rel="noopener noreferrer">${m.website}</a></p>` : nothing}
    ${station.notes ? html`<p class="muted"><bdi>${station.notes}</bdi></p>` : nothing}
    ${station.verified ? html`<p class="muted">${m.verified(formatDate(station.verified, view.locale))}</p>` : nothing}
    ${
      ctx.reported === station.id
        ? html`<p class="muted">${m.reported}</p>`
        : html`<button type="button" part="report" class="link" @click=${() => ctx.on.report(station)}>${m.report}</button>`
    }
  </details>`;
  return html`<div part="card" class="card">
    <div class="facts">
      ${best ? html`<p part="badge" class="badge">${view.inputs.buyer ? m.best : m.bestSellerOnly}</p>` : nothing}
      <h3 part="name" tabindex="-1"><bdi>${station.name}</bdi></h3>
      <p part="address"><bdi>${addressLine(station)}</bdi></p>
      ${station.spot ? html`<p part="spot"><strong>${m.where}:</strong> <bdi>${station.spot}</bdi></p>` : nothing}
      ${
        hours || station.features?.length
          ? html`<div class="chips">
              ${hours ? html`<p part="hours" class=${isOpenAt(station, ctx.now) === false ? 'closed' : ''}>${hours}</p>` : nothing}
              ${
                station.features?.length
                  ? html`<ul part="features" class="features">
                      ${station.features.map((f) => html`<li part="feature" class="feature">${m.features[f]}</li>`)}
                    </ul>`
                  : nothing
              }
            </div>`
          : nothing
      }
      <p part="distance">${distance}</p>
      <p part="why" class="why">${whyText(m, view, s)}</p>
    </div>
    ${renderCardMap(ctx, s, distance)} ${renderActions(ctx, s, details)} ${ctx.later?.renderManualShare(ctx, station)}
  </div>`;
}

function renderCardMap(ctx: RenderContext, s: Suggestion, distance: string) {
  const { messages: m, view, later: code } = ctx;
  const { station } = s;
  const viewerIsSeller = view.inputs.viewer === 'seller';
  const template = view.inputs.mapTiles;
  // Tiles only from a template that has not failed: a broken tile server leaves the schematic.
  const tiled = !!template && template !== ctx.failedTiles;
  // Its accessible name and labels come with its code (their English too: i18n/en-later.ts).
  const words = code?.mapWords(m, station.name, distance, viewerIsSeller ? m.buyer : m.seller);
  // Until the map's code is here the box stays empty at its final size (the viewBox sets its
  // aspect ratio), and says nothing to screen readers: it is a picture only once drawn.
  return html`<svg
    part="map"
    id="map"
    class="map ${ctx.mapOpen ? 'open' : ''} ${tiled ? 'tiled' : ''}"
    viewBox="0 0 ${MAP_W} ${MAP_H}"
    role=${words ? 'img' : nothing}
    aria-label=${words ? words.label : nothing}
    aria-hidden=${words ? nothing : 'true'}
  >
    ${
      code && words
        ? code.renderMap({
            station,
            viewer: viewerIsSeller ? view.inputs.seller : view.inputs.buyer,
            other: viewerIsSeller ? view.inputs.buyer : view.inputs.seller,
            unit: view.unit,
            locale: view.locale,
            labels: words.labels,
            tiles: tiled ? code.stationTiles(station, template, ctx.baseUrl) : null,
            onTileError: () => template && ctx.on.tileError(template),
          })
        : nothing
    }
  </svg>`;
}
