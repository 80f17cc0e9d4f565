import { css } from 'lit';

/** Theme tokens: hosts override any `--safetrade-*` custom property on the element or an ancestor. */
export const styles = css`
  :host {
    --_accent: var(--safetrade-accent, #0b5cad);
    --_accent-text: var(--safetrade-accent-text, #ffffff);
    --_surface: var(--safetrade-surface, #ffffff);
    --_text: var(--safetrade-text, #1b1f24);
    --_muted: var(--safetrade-muted, #57606a);
    --_border: var(--safetrade-border, #d0d7de);
    --_danger: var(--safetrade-danger, #a40e26);
    --_radius: var(--safetrade-radius, 12px);
    --_space: var(--safetrade-spacing, 12px);
    --_font: var(--safetrade-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    display: block;
    container-type: inline-size;
    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.4;
  }
  :host([hidden]) {
    display: none;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_accent: var(--safetrade-accent, #6cb6ff);
      --_accent-text: var(--safetrade-accent-text, #0d1117);
      --_surface: var(--safetrade-surface, #161b22);
      --_text: var(--safetrade-text, #e6edf3);
      --_muted: var(--safetrade-muted, #9da7b3);
      --_border: var(--safetrade-border, #3d444d);
      --_danger: var(--safetrade-danger, #ff8182);
    }
  }
  :host([theme='dark']) {
    --_accent: var(--safetrade-accent, #6cb6ff);
    --_accent-text: var(--safetrade-accent-text, #0d1117);
    --_surface: var(--safetrade-surface, #161b22);
    --_text: var(--safetrade-text, #e6edf3);
    --_muted: var(--safetrade-muted, #9da7b3);
    --_border: var(--safetrade-border, #3d444d);
    --_danger: var(--safetrade-danger, #ff8182);
  }
  [part~='base'] {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    overflow-wrap: anywhere;
  }
  h2,
  h3 {
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
  }
  h3 {
    font-size: 1em;
  }
  p {
    margin: 0.25em 0;
  }
  ol {
    list-style: none;
    margin: var(--_space) 0 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  [part~='suggestion'] {
    border-block-start: 1px solid var(--_border);
    padding-block-start: var(--_space);
  }
  [part~='suggestion']:first-child {
    border-block-start: 0;
    padding-block-start: 0;
  }
  .badge {
    display: inline-block;
    font-size: 0.8em;
    font-weight: 600;
    color: var(--_accent);
  }
  .muted,
  [part~='distance'] {
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-block-start: 8px;
  }
  button,
  a[part~='directions'] {
    font: inherit;
    min-height: 44px;
    min-width: 44px;
    box-sizing: border-box;
    padding: 8px 14px;
    border-radius: calc(var(--_radius) / 1.5);
    border: 1px solid var(--_accent);
    background: transparent;
    color: var(--_accent);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
  }
  button[part~='select'],
  button[part~='locate'] {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  button:focus-visible,
  a:focus-visible,
  summary:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  [role='alert'] {
    color: var(--_danger);
    border-inline-start: 4px solid var(--_danger);
    padding-inline-start: 8px;
    margin-block: var(--_space);
  }
  .detail {
    font-size: 0.85em;
    color: var(--_muted);
  }
  textarea {
    width: 100%;
    box-sizing: border-box;
    font: inherit;
    min-height: 5em;
  }
  footer {
    margin-block-start: var(--_space);
    font-size: 0.8em;
    color: var(--_muted);
  }
  summary {
    cursor: pointer;
    min-height: 44px;
    display: flex;
    align-items: center;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
