// Demo wiring for examples/index.html: what a marketplace would do with the widget's events.
const meetup = document.getElementById('meetup');
const log = document.getElementById('log');

function write(text) {
  const li = document.createElement('li');
  li.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  log.prepend(li);
  while (log.children.length > 12) log.lastChild.remove();
}

for (const name of ['safetrade-ready', 'safetrade-suggest', 'safetrade-select', 'safetrade-share', 'safetrade-report', 'safetrade-error']) {
  meetup.addEventListener(name, (event) => {
    const d = event.detail;
    const summary =
      name === 'safetrade-suggest'
        ? `${d.mode}: ${d.suggestions.map((s) => s.station.name).join(' · ') || 'none'}`
        : name === 'safetrade-ready'
          ? `${d.stations} stations (${d.rejected} rejected)`
          : name === 'safetrade-error'
            ? `${d.code}: ${d.message}`
            : name === 'safetrade-share'
              ? `${d.method}: ${d.text}`
              : d.suggestion
                ? d.suggestion.station.name
                : (d.station?.name ?? '');
    write(`${name} — ${summary}`);
  });
}

for (const button of document.querySelectorAll('[data-buyer]')) {
  button.addEventListener('click', () => {
    const [lat, lng] = button.dataset.buyer.split(',');
    if (lat) {
      meetup.setAttribute('buyer-lat', lat);
      meetup.setAttribute('buyer-lng', lng);
    } else {
      meetup.removeAttribute('buyer-lat');
      meetup.removeAttribute('buyer-lng');
    }
  });
}
document.getElementById('mode').addEventListener('change', (e) => meetup.setAttribute('mode', e.target.value));
