// The map's frame, apart from the drawing code (map.ts): the card reserves the map's box with it
// before that code has arrived, so the map fills a box that never changes size (no layout shift).

/** The map's frame in SVG units (3:2, the same for both kinds). */
export const MAP_W = 384;
export const MAP_H = 256;
