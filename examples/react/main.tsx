// React with the typed wrapper: `safetrade-meetup/react` (made with @lit/react). Properties are
// plain props; each event is an `on…` prop whose event type is known to TypeScript.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { SafeTradeMeetup } from 'safetrade-meetup/react';
import type { Suggestion } from 'safetrade-meetup';

const SELLER = { lat: 39.7392, lng: -104.9903 }; // Denver

function Listing() {
  const [buyer, setBuyer] = useState<{ lat: number; lng: number } | null>({ lat: 39.7047, lng: -105.0814 });
  const [selected, setSelected] = useState<Suggestion | null>(null);
  const [count, setCount] = useState(0);
  return (
    <section>
      <p>
        <button type="button" onClick={() => setBuyer(buyer ? null : { lat: 39.7047, lng: -105.0814 })}>
          {buyer ? 'Forget the buyer’s location' : 'Buyer in Lakewood'}
        </button>
      </p>
      <SafeTradeMeetup
        sellerLat={SELLER.lat}
        sellerLng={SELLER.lng}
        buyerLat={buyer?.lat}
        buyerLng={buyer?.lng}
        limit={2}
        onSafetradeSuggest={(e) => setCount(e.detail.suggestions.length)}
        onSafetradeSelect={(e) => setSelected(e.detail.suggestion)}
      />
      <p>
        {count} suggestions. Selected: <output id="selected">{selected ? selected.station.name : 'nothing yet'}</output>
      </p>
    </section>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Listing />
  </StrictMode>,
);
