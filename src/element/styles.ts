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
    padding: var(--_space);
    line-height: 1.45;
    overflow-wrap: anywhere;
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
  .expanded > div {
    display: grid;
    gap: 6px;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_soft);
  }
  .badge {
    font-size: 0.8em;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_accent);
  }
  .features {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .feature {
    font-size: 0.85em;
    padding-block: 2px;
    padding-inline: 8px;
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
    inline-size: 100%;
    max-inline-size: 240px;
    block-size: auto;
    aspect-ratio: 1;
    border-radius: 8px;
    border: 1px solid var(--_border);
  }
  .map-bg {
    fill: var(--_surface);
  }
  .map-other {
    fill: color-mix(in srgb, var(--_muted) 35%, transparent);
  }
  .map-you {
    fill: var(--_accent);
    stroke: var(--_surface);
    stroke-width: 2;
  }
  .map-route {
    stroke: var(--_muted);
    stroke-dasharray: 4 4;
  }
  .map-station {
    fill: var(--_danger);
    stroke: var(--_surface);
    stroke-width: 2;
  }
  .map-label {
    fill: var(--_text);
    font-size: 11px;
  }
  .map-label-strong {
    font-weight: 700;
  }
  .map-scale {
    stroke: var(--_text);
    stroke-width: 2;
  }
  .map-scale-label {
    fill: var(--_muted);
    font-size: 10px;
  }
  .row {
    border-block-start: 1px solid var(--_border);
    padding-block-start: calc(var(--_space) / 2);
  }
  .show {
    inline-size: 100%;
    justify-content: space-between;
    flex-wrap: wrap;
    gap: 4px 12px;
    text-align: start;
    border-color: transparent;
    color: var(--_text);
    padding-inline: 4px;
  }
  .show-name {
    font-weight: 600;
  }
  .show-distance {
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
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
  .directions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: 4px;
  }
  .dl {
    display: inline-flex;
    align-items: center;
    gap: 4px;
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
  textarea {
    display: block;
    inline-size: 100%;
    box-sizing: border-box;
    font: inherit;
    min-block-size: 6em;
    margin-block-start: 4px;
  }
  .safety {
    margin-block-start: var(--_space);
    font-size: 0.9em;
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
    margin-block-start: calc(var(--_space) / 2);
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
    gap: 6px 10px;
  }
  .compact-line > a {
    font-weight: 600;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @container (min-width: 520px) {
    .expanded > div {
      grid-template-columns: 1fr 200px;
      column-gap: var(--_space);
    }
    .expanded > div > * {
      grid-column: 1;
    }
    .expanded > div > .map {
      grid-column: 2;
      grid-row: 1 / span 8;
      align-self: start;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
