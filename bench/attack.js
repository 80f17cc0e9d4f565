// The UI-only trilateration attack of issue 12, item 1, as a buyer would run it: in a page that
// embeds <safetrade-meetup> with a host geocoder, the attacker types positions of their choosing
// and reads only what the widget renders (the order of the suggestions and the card's text). The
// station list is public (the dataset the widget fetches). Runs in the browser; shared by the
// end-to-end test (test/e2e/trilateration.test.ts) and `npm run bench:privacy` (bench/privacy.mjs).

// haversine-distance's formula and radius, as the widget computes distances.
const R_M = 6378137;
const rad = (d) => (d * Math.PI) / 180;
export function distanceKm(a, b) {
  const ht = Math.sin((rad(b.lat) - rad(a.lat)) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin((rad(b.lng) - rad(a.lng)) / 2) ** 2;
  return (2 * R_M * Math.atan2(Math.sqrt(ht), Math.sqrt(1 - ht))) / 1000;
}

/** The point `km` from `from` along `bearingDeg` (a local flat step: the attack works within a few km). */
export function offset(from, bearingDeg, km) {
  const dLat = (km * Math.cos(rad(bearingDeg))) / 111.32;
  const dLng = (km * Math.sin(rad(bearingDeg))) / (111.32 * Math.cos(rad(from.lat)));
  return { lat: from.lat + dLat, lng: from.lng + dLng };
}

const bearing = (from, to) => (Math.atan2((to.lng - from.lng) * Math.cos(rad(from.lat)), to.lat - from.lat) * 180) / Math.PI;

/** A host geocoder: the attacker types "lat,lng" and gets exactly that point. */
export const typedPointGeocoder = async (text) => {
  const [lat, lng] = text.split(',').map(Number);
  return { lat, lng };
};

/**
 * Mounts a widget for a seller, as a listing page would, with the stations given (the same public
 * list the attacker knows). Resolves once its first suggestions are rendered. Every
 * `safetrade-suggest` detail is kept in `el.suggestDetails` (what a host listening to events sees),
 * and every text typed into the place box in `el.typed`.
 */
export async function mountListing({ seller, mode = 'total', stations, locale = 'en-US', parent = document.body }) {
  await customElements.whenDefined('safetrade-meetup');
  const el = document.createElement('safetrade-meetup');
  el.suggestDetails = [];
  el.addEventListener('safetrade-suggest', (e) => el.suggestDetails.push(JSON.stringify(e.detail)));
  el.setAttribute('seller-lat', String(seller.lat));
  el.setAttribute('seller-lng', String(seller.lng));
  el.setAttribute('mode', mode);
  el.setAttribute('locale', locale);
  // What the attacker typed, in order.
  el.typed = [];
  el.geocoder = (text) => {
    el.typed.push(text);
    return typedPointGeocoder(text);
  };
  el.stations = stations;
  parent.append(el);
  await until(() => el.shadowRoot?.querySelector('[part~="suggestion"]'));
  return el;
}

async function until(check, timeoutMs = 5000) {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeoutMs) throw new Error('the widget did not answer');
    await new Promise((r) => setTimeout(r, 2));
  }
}

const text = (node) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** What the attacker reads: the suggestions' order and the expanded card's lines. */
export function read(el) {
  const root = el.shadowRoot;
  return {
    ids: [...root.querySelectorAll('[part~="suggestion"]')].map((n) => n.getAttribute('data-station-id')),
    expanded: root.querySelector('[part~="expanded"]')?.getAttribute('data-station-id') ?? null,
    why: text(root.querySelector('[part~="expanded"] [part~="why"]')),
    distance: text(root.querySelector('[part~="expanded"] [part~="distance"]')),
  };
}

/**
 * Types `point` into the widget's place box, as the buyer, and waits for the answer; with `show`,
 * then opens that station's card if it is suggested (a click on its row). Returns `read(el)`.
 */
export async function probe(el, point, show) {
  const root = el.shadowRoot;
  const change = [...root.querySelectorAll('button')].find((b) => text(b) === 'Use a different location');
  if (change) {
    change.click();
    await el.updateComplete;
  }
  const input = await until(() => root.querySelector('#place'));
  input.value = `${point.lat},${point.lng}`;
  const seen = el.suggestDetails.length;
  input.form.requestSubmit();
  await until(() => el.suggestDetails.slice(seen).some((d) => d.includes('"buyerKm":') && !d.includes('"buyerKm":null')));
  await el.updateComplete;
  if (show) {
    const row = root.querySelector(`[data-station-id="${CSS.escape(show)}"] [part~="show"]`);
    if (row) {
      row.click();
      await el.updateComplete;
    }
  }
  return read(el);
}

/** The number in "… about 1.5 mi." (the total-mode line). */
const shownMiles = (why) => Number(/([\d.]+)\s*mi/.exec(why)?.[1] ?? NaN);

/**
 * Least-squares position from distances to known points: a 20 m grid over ±4 km, then 1 m and
 * 0.1 m refinements. Also the attack's estimate when the measurements only come from flips.
 */
export function solve(around, residuals) {
  let best = around;
  let bestCost = Infinity;
  for (const [halfKm, stepKm] of [
    [4, 0.02],
    [0.04, 0.001],
    [0.002, 0.0001],
  ]) {
    const centre = best;
    const n = Math.round(halfKm / stepKm);
    for (let i = -n; i <= n; i++)
      for (let j = -n; j <= n; j++) {
        const p = offset(offset(centre, 0, i * stepKm), 90, j * stepKm);
        const cost = residuals(p).reduce((sum, r) => sum + r * r, 0);
        if (cost < bestCost) {
          bestCost = cost;
          best = p;
        }
      }
  }
  return best;
}

/**
 * Mode "total": the card's "The least travel for the two of you together: about T" is the rounded
 * buyerKm + sellerKm. Standing on a station and walking away from it, the buyer knows buyerKm
 * exactly, so the walk distance at which T steps up gives the seller's distance to that station.
 * Three stations (the three the widget suggests before the buyer gives a position: the seller's
 * nearest) and a least-squares fit give the position. Returns the estimate, the distances and
 * the number of positions typed.
 */
export async function trilaterateTotal(el, stations) {
  const byId = new Map(stations.map((s) => [s.id, s]));
  const targets = read(el)
    .ids.slice(0, 3)
    .map((id) => byId.get(id));
  const centroid = { lat: targets.reduce((a, s) => a + s.lat, 0) / 3, lng: targets.reduce((a, s) => a + s.lng, 0) / 3 };
  let probes = 0;
  const measured = [];
  for (const station of targets) {
    const away = bearing(centroid, station);
    const shown = async (km) => {
      probes++;
      const seen = await probe(el, offset(station, away, km), station.id);
      return seen.expanded === station.id ? shownMiles(seen.why) : null;
    };
    const start = await shown(0);
    if (start === null || Number.isNaN(start)) continue;
    // Walk out until the shown total steps up, then halve the interval down to ~0.5 m.
    let lo = 0;
    let hi = 0.25;
    let after = await shown(hi);
    while (after === start && hi < 6) {
      lo = hi;
      hi += 0.25;
      after = await shown(hi);
    }
    if (after === null || Number.isNaN(after) || after === start) continue;
    while (hi - lo > 0.0005) {
      const mid = (lo + hi) / 2;
      const value = await shown(mid);
      if (value === start) lo = mid;
      else if (value === after) hi = mid;
      else break;
    }
    // Rounding to the nearest step flips halfway between the two values shown.
    const walkKm = (lo + hi) / 2;
    measured.push({ station, km: ((start + after) / 2) * 1.609344 - walkKm });
  }
  const estimate = solve(centroid, (p) => measured.map((m) => distanceKm(p, m.station) - m.km));
  return { estimate, measured, probes };
}

/**
 * Mode "fair": ranking by max(buyerKm, sellerKm). The buyer walks from one suggested station Y,
 * towards another X and straight away from it, and watches their order in the list; where it
 * flips, max(b_X, s_X) = max(b_Y, s_Y) with b_X, b_Y known (e.g. standing close to Y, the flip
 * comes where b_X = s_Y). Each flip is one equation in the seller's position; the least-squares
 * fit of all of them is the estimate. `el` is the widget, or (to try the strategy without a page)
 * a function from a typed point to the suggested ids.
 */
export async function trilaterateFair(el, stations, { initial } = {}) {
  const observe = typeof el === 'function' ? el : async (p) => (await probe(el, p)).ids;
  const byId = new Map(stations.map((s) => [s.id, s]));
  const targets = (initial ?? read(el).ids).slice(0, 3).map((id) => byId.get(id));
  const centroid = { lat: targets.reduce((a, s) => a + s.lat, 0) / 3, lng: targets.reduce((a, s) => a + s.lng, 0) / 3 };
  let probes = 0;
  const flips = [];
  for (const x of targets)
    for (const y of targets) {
      if (x === y) continue;
      const toX = bearing(y, x);
      for (const [heading, lengthKm] of [
        [toX, distanceKm(y, x)],
        [toX + 180, 2.5],
        [toX + 150, 2.5],
        [toX - 150, 2.5],
      ]) {
        const at = (t) => offset(y, heading, t * lengthKm);
        const order = async (t) => {
          probes++;
          const ids = await observe(at(t));
          const [ix, iy] = [ids.indexOf(x.id), ids.indexOf(y.id)];
          return ix < 0 || iy < 0 ? null : ix < iy;
        };
        let lo = 0;
        let hi = 1;
        const first = await order(lo);
        if (first === null) continue;
        // The first flip from Y on: step out until the order changes, then halve down to ~0.5 m.
        let last = first;
        for (hi = 0.125; hi <= 1; hi += 0.125) {
          last = await order(hi);
          if (last !== first) break;
          lo = hi;
        }
        if (last === null || last === first) continue;
        while ((hi - lo) * lengthKm > 0.0005) {
          const mid = (lo + hi) / 2;
          const o = await order(mid);
          if (o === null) break;
          if (o === first) lo = mid;
          else hi = mid;
        }
        const p = at((lo + hi) / 2);
        flips.push({ x, y, bx: distanceKm(p, x), by: distanceKm(p, y) });
      }
    }
  const estimate = solve(centroid, (q) => flips.map((f) => Math.max(f.bx, distanceKm(q, f.x)) - Math.max(f.by, distanceKm(q, f.y))));
  return { estimate, flips: flips.length, probes };
}
