// The examples' event log: every safetrade-* event of `widget`, summarised, newest first in `list`.
// What a marketplace would hook its chat to; shared by the listing page and the playground.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called from listing.js and playground.js
function logEvents(widget, list, keep) {
  const write = (text) => {
    const li = document.createElement('li');
    li.textContent = `${new Date().toLocaleTimeString()} ${text}`;
    list.prepend(li);
    while (list.children.length > keep) list.lastChild.remove();
  };
  for (const name of ['safetrade-ready', 'safetrade-suggest', 'safetrade-select', 'safetrade-share', 'safetrade-report', 'safetrade-error']) {
    widget.addEventListener(name, (event) => {
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
                : (d.suggestion?.station.name ?? d.station?.name ?? '');
      write(`${name} — ${summary}`);
    });
  }
}
