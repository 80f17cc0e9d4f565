// The styles of what the code loaded after the first suggestion draws (later.ts): the map's
// drawing, the no-station help, the meeting message to copy by hand. They come with that code
// rather than with the element's: the element adopts them into its shadow root when it arrives,
// in the update that first draws with it, so nothing is painted unstyled. The map's box itself
// (.map: size, border, when shown) stays in styles.ts, so it is reserved at once.
import { css } from 'lit';

export const laterStyles = css`
  .help {
    display: grid;
    gap: 4px;
    margin-block-end: var(--_space);
  }
  .help-list {
    list-style: disc;
    padding-inline-start: 1.2em;
  }
  textarea {
    display: block;
    inline-size: 100%;
    box-sizing: border-box;
    font: inherit;
    min-block-size: 6em;
    margin-block-start: 4px;
  }
  .map-bg {
    fill: var(--_surface);
  }
  .map-other {
    fill: color-mix(in srgb, var(--_muted) 22%, transparent);
    stroke: var(--_muted);
    stroke-width: 1.5;
    stroke-dasharray: 5 3;
  }
  .map-arrow {
    fill: var(--_accent);
    stroke: var(--_surface);
    stroke-width: 1.5;
  }
  .map-other-arrow {
    fill: var(--_muted);
  }
  .map-north path {
    fill: var(--_text);
  }
  .map-scale-back {
    fill: color-mix(in srgb, var(--_surface) 80%, transparent);
  }
  .map-you {
    fill: var(--_accent);
    stroke: var(--_surface);
    stroke-width: 2;
  }
  .map-route {
    stroke: var(--_accent);
    stroke-width: 2;
    stroke-dasharray: 5 5;
  }
  .map-station {
    fill: var(--_danger);
    stroke: var(--_surface);
    stroke-width: 2;
  }
  /* Labels keep a halo of the surface colour, so that they read over streets and routes alike. */
  .map-label {
    fill: var(--_text);
    font-size: 16px;
    paint-order: stroke;
    stroke: var(--_surface);
    stroke-width: 4px;
    stroke-linejoin: round;
  }
  .map-label-strong {
    font-weight: 700;
  }
  .map-scale {
    fill: none;
    stroke: var(--_text);
    stroke-width: 2;
  }
  .map-scale-label {
    fill: var(--_text);
    font-size: 14px;
  }
`;
