// Never a dead end: when no station lies within max-distance-km, the widget still says what helps —
// the nearest station it knows of, how far it is for each (the other party's distance coarse, from
// its cell's centre like every other distance), and what to do instead.
import { html, nothing } from 'lit';
import { rankStations } from '../../core/rank.js';
import type { Suggestion } from '../../core/types.js';
import { laterMessages } from '../../i18n/en-later.js';
import { hoursLine } from '../../i18n/hours.js';
import { addressLine } from '../format.js';
import type { RenderContext } from './context.js';
import { distanceText } from './distance.js';

/** Half the Earth's circumference and a little more: no station on Earth is farther than this. */
const ANYWHERE_KM = 20_040;

/**
 * The nearest station in the loaded dataset by the widget's own ranking rule, however far: the
 * core's ranking with no practical distance limit. Null for a tiled dataset, which only holds the
 * tiles near the parties and so cannot honestly say which station is nearest beyond them.
 */
export function nearestStation(ctx: RenderContext): Suggestion | null {
  const { inputs } = ctx.view;
  if (!ctx.stations?.length || !inputs.seller) return null;
  return rankStations(ctx.stations, { seller: inputs.seller, buyer: inputs.buyer }, { mode: inputs.mode, limit: 1, maxDistanceKm: ANYWHERE_KM })[0] ?? null;
}

export function renderNoStationHelp(ctx: RenderContext) {
  const { view } = ctx;
  const m = laterMessages(ctx.messages);
  const nearest = nearestStation(ctx);
  const hours = nearest ? hoursLine(nearest.station, view.inputs.meetAt ?? ctx.now, view.locale, m) : null;
  return html`<div part="help" class="help">
    ${
      nearest
        ? html`<p part="nearest">
            ${m.nearest} <strong><bdi>${nearest.station.name}</bdi></strong
            >, <bdi>${addressLine(nearest.station)}</bdi>:
            <span part="nearest-distance">${distanceText(m, view, nearest)}</span>${hours ? html`. ${hours}` : nothing}.
          </p>`
        : nothing
    }
    <p class="help-title"><strong>${m.insteadTitle}</strong></p>
    <ul class="help-list">
      ${m.insteadList.map((tip) => html`<li>${tip}</li>`)}
    </ul>
  </div>`;
}
