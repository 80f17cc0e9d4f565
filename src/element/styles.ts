import { css } from 'lit';

/**
 * Theme tokens live on the inner `.base` box (not :host), so that `theme` needs no attribute on
 * the host element; hosts override any `--safetrade-*` custom property on the element or above.
 * Logical properties throughout, so right-to-left pages lay out correctly.
 */
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    --_accent: var(--safetrade-accent, #0b5cad);
    --_accent-text: var(--safetrade-accent-text, #ffffff);
    --_surface: var(--safetrade-surface, #ffffff);
    --_text: var(--safetrade-text, #1b1f24);
    --_muted: var(--safetrade-muted, #57606a);
    --_border: var(--safetrade-border, #d0d7de);
    --_danger: var(--safetrade-danger, #a40e26);
    --_soft: color-mix(in srgb, var(--_accent) 10%, var(--_surface));
    --_radius: var(--safetrade-radius, 12px);
    --_space: var(--safetrade-spacing, 12px);
    color-scheme: light;
    font-family: var(--safetrade-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    line-height: 1.45;
    overflow-wrap: anywhere;
    /* A phone's column is narrow: the box's padding gives way first. */
    padding: calc(var(--_space) * 0.85);
    min-inline-size: 0;
  }
  .base.dark {
    --_accent: var(--safetrade-accent, #6cb6ff);
    --_accent-text: var(--safetrade-accent-text, #0d1117);
    --_surface: var(--safetrade-surface, #161b22);
    --_text: var(--safetrade-text, #e6edf3);
    --_muted: var(--safetrade-muted, #9da7b3);
    --_border: var(--safetrade-border, #3d444d);
    --_danger: var(--safetrade-danger, #ff8182);
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    .base.auto {
      --_accent: var(--safetrade-accent, #6cb6ff);
      --_accent-text: var(--safetrade-accent-text, #0d1117);
      --_surface: var(--safetrade-surface, #161b22);
      --_text: var(--safetrade-text, #e6edf3);
      --_muted: var(--safetrade-muted, #9da7b3);
      --_border: var(--safetrade-border, #3d444d);
      --_danger: var(--safetrade-danger, #ff8182);
      color-scheme: dark;
    }
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  /* Dataset text: isolated, so that a bidi override in it cannot reorder the words around it;
     as a block, a hostile 10,000-character value stops after three lines with a visible ellipsis
     (inline uses, such as a one-line compact variant, keep their display). */
  [part~='name'],
  [part~='address'] {
    unicode-bidi: isolate;
  }
  h3[part~='name'],
  p[part~='address'] {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
  h2 {
    font-size: 1.05em;
    margin-block-end: calc(var(--_space) / 2);
  }
  h3 {
    font-size: 1.15em;
    outline: none;
  }
  .muted,
  [part~='distance'],
  .detail {
    color: var(--_muted);
  }
  .detail {
    font-size: 0.85em;
  }
  ol,
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  ol {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  /* The card: the facts, then the map (behind "Map" on narrow screens), then one row of actions. */
  .card {
    display: grid;
    gap: 8px;
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_soft);
    line-height: 1.4;
  }
  .facts {
    display: grid;
    gap: 3px;
    min-inline-size: 0;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 6px;
  }
  .badge {
    font-size: 0.8em;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_accent);
  }
  .features {
    display: contents;
  }
  .feature {
    font-size: 0.8em;
    padding-block: 1px;
    padding-inline: 7px;
    border-radius: 999px;
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  .feature::before {
    content: '✓ ';
    color: var(--_accent);
  }
  .closed {
    color: var(--_danger);
    font-weight: 600;
  }
  .why {
    font-weight: 600;
  }
  .map {
    display: none;
    inline-size: 100%;
    block-size: auto;
    aspect-ratio: 3 / 2;
    border-radius: 8px;
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  .map.open {
    display: block;
  }
  .row {
    border-block-start: 1px solid var(--_border);
  }
  .row:first-child {
    border-block-start: 0;
  }
  .show {
    inline-size: 100%;
    padding-block: 4px;
    justify-content: space-between;
    gap: 12px;
    text-align: start;
    border-color: transparent;
    color: var(--_text);
    padding-inline: 4px;
  }
  .show-name {
    font-weight: 600;
    min-inline-size: 0;
  }
  .show-distance {
    color: var(--_muted);
    flex: none;
    white-space: nowrap;
  }
  .show-distance::after {
    content: ' ›';
    color: var(--_accent);
    font-weight: 700;
  }
  /* One wrapping row: the buttons, the directions menu, "Map", and the details disclosure, which
     takes the whole width once opened. */
  .actions {
    position: relative;
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .actions > button,
  .actions > .menu > summary {
    font-size: 0.95em;
    padding-inline: 12px;
  }
  .actions > details[open].details {
    flex-basis: 100%;
    order: 1;
  }
  .menu > summary {
    list-style: none;
    border: 1px solid var(--_accent);
    border-radius: calc(var(--_radius) - 4px);
    padding-inline: 14px;
    box-sizing: border-box;
  }
  .menu > summary::-webkit-details-marker {
    display: none;
  }
  .menu > summary::after {
    content: '▾';
    margin-inline-start: 6px;
  }
  .menu[open] > summary {
    background: var(--_soft);
  }
  .menu {
    font-size: 1em;
  }
  .menu-list {
    position: absolute;
    z-index: 1;
    inset-inline-start: 0;
    inset-block-start: calc(100% + 4px);
    min-inline-size: 12em;
    max-inline-size: 100%;
    padding: 4px;
    list-style: none;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 4px);
    box-shadow: 0 6px 18px rgb(0 0 0 / 0.18);
  }
  .menu-link {
    display: flex;
    align-items: center;
    min-block-size: 44px;
    padding-inline: 12px;
    border-radius: 6px;
    text-decoration: none;
  }
  .menu-link:hover {
    background: var(--_soft);
  }
  button,
  a.primary,
  a.secondary {
    font: inherit;
    min-block-size: 44px;
    min-inline-size: 44px;
    box-sizing: border-box;
    padding-block: 8px;
    padding-inline: 14px;
    border-radius: calc(var(--_radius) - 4px);
    border: 1px solid var(--_accent);
    background: transparent;
    color: var(--_accent);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    transition: background-color 0.15s;
  }
  .primary {
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
  .secondary:hover,
  .show:hover {
    background: var(--_soft);
  }
  .link {
    border: 0;
    padding-inline: 4px;
    text-decoration: underline;
    min-block-size: 44px;
    display: inline-flex;
    align-items: center;
    background: transparent;
    color: var(--_accent);
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  button:focus-visible,
  a:focus-visible,
  summary:focus-visible,
  input:focus-visible,
  textarea:focus-visible,
  h3:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  .alert {
    color: var(--_danger);
    border-inline-start: 4px solid var(--_danger);
    padding-inline-start: 8px;
    margin-block: var(--_space);
    display: grid;
    gap: 4px;
    justify-items: start;
  }
  .status {
    color: var(--_muted);
    margin-block: calc(var(--_space) / 2);
  }
  .locate {
    margin-block-start: var(--_space);
    display: grid;
    gap: 8px;
    justify-items: start;
  }
  .geocoder {
    display: grid;
    gap: 4px;
    inline-size: 100%;
  }
  .geocoder-row {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  input {
    font: inherit;
    min-block-size: 44px;
    box-sizing: border-box;
    padding-inline: 10px;
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) - 4px);
    background: var(--_surface);
    color: var(--_text);
    flex: 1 1 10em;
    min-inline-size: 0;
  }
  /* The safety line, the tips and the data sources share one wrapping block; an opened
     disclosure takes the whole width. */
  .end {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: var(--_space);
    margin-block-start: calc(var(--_space) / 2);
  }
  .end > details[open],
  .end > footer:has(details[open]) {
    flex-basis: 100%;
  }
  .safety {
    flex: 1 1 100%;
    font-size: 0.85em;
    margin-block-start: calc(var(--_space) / 2);
  }
  details {
    font-size: 0.9em;
  }
  summary {
    cursor: pointer;
    min-block-size: 44px;
    display: flex;
    align-items: center;
    color: var(--_accent);
  }
  details ul {
    list-style: disc;
    padding-inline-start: 1.2em;
  }
  footer {
    font-size: 0.8em;
    color: var(--_muted);
  }
  footer summary {
    color: var(--_muted);
  }
  .variant-compact {
    padding: 6px;
  }
  .compact-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 10px;
  }
  .compact-what {
    display: flex;
    flex-wrap: wrap;
    column-gap: 8px;
    line-height: 1.3;
  }
  .compact-line a {
    font-weight: 600;
  }
  .compact-line .actions {
    gap: 6px;
  }
  .compact-line button {
    padding-inline: 10px;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* Narrow (a phone): the map waits behind "Map". From 480 px it has room beside the facts, always
     shown, and the toggle goes. */
  @container (min-width: 480px) {
    .base {
      padding: var(--_space);
    }
    .card {
      grid-template-columns: minmax(0, 1fr) minmax(150px, 34%);
      column-gap: var(--_space);
    }
    .card > .map {
      display: block;
      grid-column: 2;
      grid-row: 1;
      align-self: start;
    }
    .card > .actions,
    .card > .manual {
      grid-column: 1 / -1;
    }
    .map-toggle {
      display: none;
    }
    .safety {
      flex: 1 1 22em;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
