declare module 'haversine-distance' {
  type Point = { lat: number; lng: number } | { latitude: number; longitude: number } | [number, number];
  /** Great-circle distance in metres (radius 6378137 m). */
  export default function haversine(a: Point, b: Point): number;
}
