// The ESM build without a bundler: the element is defined on import, the core is plain functions.
import { distanceKm } from 'safetrade-meetup';
import { parseDataset, rankStations } from 'safetrade-meetup/core';

const meetup = document.getElementById('meetup');
meetup.addEventListener('safetrade-select', (event) => {
  document.getElementById('selected').textContent = event.detail.suggestion.station.name;
});

// The core on its own, e.g. for a server-rendered "meet at" hint.
const response = await fetch(new URL('../dist/stations.json', import.meta.url));
const { stations } = parseDataset(await response.json());
const [best] = rankStations(stations, { seller: { lat: 41.8837, lng: -87.6278 } }, { limit: 1 });
document.getElementById('core').textContent = `${best.station.name} (${distanceKm({ lat: 41.8837, lng: -87.6278 }, best.station).toFixed(1)} km)`;
