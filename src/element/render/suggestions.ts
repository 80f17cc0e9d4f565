// The list of suggestions: the expanded one as the card, the alternatives as one-line rows (name,
// distance) that open as the card; their actions appear with it.
import { html } from 'lit';
import type { Suggestion } from '../../core/types.js';
import { renderCard } from './card.js';
import type { RenderContext } from './context.js';
import { ownDistance } from './distance.js';

export function renderSuggestions(ctx: RenderContext, suggestions: Suggestion[]) {
  return html`<ol part="suggestions" aria-label=${ctx.messages.suggestions}>
    ${suggestions.map((s, i) => renderSuggestion(ctx, s, i === 0))}
  </ol>`;
}

export function renderSuggestion(ctx: RenderContext, s: Suggestion, best: boolean) {
  const { station } = s;
  const expanded = ctx.expanded === station.id;
  const parts = ['suggestion', best && 'best', expanded && 'expanded'].filter(Boolean).join(' ');
  if (expanded) {
    return html`<li part=${parts} data-station-id=${station.id} class="expanded">${renderCard(ctx, s, best)}</li>`;
  }
  return html`<li part=${parts} data-station-id=${station.id} class="row">
    <button type="button" part="show" class="show" aria-expanded="false" @click=${() => ctx.on.expand(station.id)}>
      <span class="show-name"><bdi>${station.name}</bdi></span>
      <span class="show-distance">${ownDistance(ctx.messages, ctx.view, s)}</span>
    </button>
  </li>`;
}
