// The distance lines, as text: the viewer's own distance precisely, the other party's only coarsely.
import type { Suggestion } from '../../core/types.js';
import type { Messages } from '../../i18n/en.js';
import { formatCoarse, formatCoarseUp, formatDistance } from '../format.js';
import { mostEitherTravelsKm } from '../inputs.js';
import type { View } from './context.js';

/** The viewer's own distance, precise; with no position of theirs, the listing's, coarse. */
export function ownDistance(m: Messages, view: View, s: Suggestion): string {
  const own = view.inputs.viewer === 'seller' ? s.sellerKm : s.buyerKm;
  if (own !== null) return m.fromYou(formatDistance(own, view.unit, view.locale));
  return m.fromListing(formatCoarse(s.sellerKm, view.unit, view.locale));
}

/** The viewer's distance precisely; the other party's only coarsely. */
export function distanceText(m: Messages, view: View, s: Suggestion): string {
  const { unit, locale } = view;
  const parts = [ownDistance(m, view, s)];
  if (view.inputs.viewer === 'seller' && s.buyerKm !== null) parts.push(m.forBuyer(formatCoarse(s.buyerKm, unit, locale)));
  if (view.inputs.viewer === 'buyer' && s.buyerKm !== null) parts.push(m.forSeller(formatCoarse(s.sellerKm, unit, locale)));
  return parts.join(' · ');
}

/** Why this station, without giving away the other party's distance: a bound that holds anywhere in its cell, rounded up. */
export function whyText(m: Messages, view: View, s: Suggestion): string {
  const { unit, locale } = view;
  if (s.buyerKm === null) return m.whyListing;
  if (view.inputs.mode === 'buyer') return m.whyBuyer;
  if (view.inputs.mode === 'total') return m.whyTotal(formatCoarse(s.buyerKm + s.sellerKm, unit, locale));
  return m.whyFair(formatCoarseUp(mostEitherTravelsKm(view.inputs, s.sellerKm, s.buyerKm), unit, locale));
}
