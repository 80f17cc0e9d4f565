// Below the suggestions: the safety line and tips, then the footer with the data sources.
import { html, nothing } from 'lit';
import type { Messages } from '../../i18n/en.js';

/** The safety line, and the tips behind a disclosure; `tips` (their words) come with the later code. */
export function renderSafety(m: Messages, tips: readonly string[] | undefined) {
  return html`<p part="safety" class="safety">${m.safetyLine}</p>
    <details part="tips" class="tips">
      <summary>${m.tips}</summary>
      <ul>
        ${tips?.map((tip) => html`<li>${tip}</li>`)}
      </ul>
    </details>`;
}

/** The dataset's sources, when it names any; dataset text, rendered as text. */
export function renderAttribution(m: Messages, attribution: readonly string[]) {
  if (!attribution.length) return nothing;
  return html`<details part="attribution" class="attribution">
    <summary>${m.dataSources}</summary>
    <ul>
      ${attribution.map((a) => html`<li>${a}</li>`)}
    </ul>
  </details>`;
}
