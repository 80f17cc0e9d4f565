// variant="compact": one line for chat threads (the best station, its distance, two buttons).
import { html } from 'lit';
import type { Suggestion } from '../../core/types.js';
import { platformDirections } from '../links.js';
import { renderSelectShare } from './actions.js';
import type { RenderContext } from './context.js';
import { ownDistance } from './distance.js';

export function renderCompact(ctx: RenderContext, s: Suggestion) {
  const m = ctx.messages;
  // The station's name leads to directions in the platform's own maps app.
  const [app] = platformDirections(s.station);
  return html`<div part="suggestion best expanded" data-station-id=${s.station.id} class="compact-line">
    <span class="compact-what">
      <a part="directions name" href=${app!.href} target="_blank" rel="noopener noreferrer" aria-label=${m.directionsIn(app!.label, s.station.name)}
        ><bdi>${s.station.name}</bdi></a
      >
      <span part="distance" class="muted">${ownDistance(m, ctx.view, s)}</span>
    </span>
    <span class="actions">${renderSelectShare(ctx, s, ['primary', 'secondary'])}</span>
    ${ctx.later?.renderManualShare(ctx, s.station)}
  </div>`;
}
