// The playground: every control maps to one attribute of the preview; the snippet is exactly
// what a marketplace pastes for that configuration (defaults left out), with the SRI hash of
// the script being served.
/* global logEvents -- from event-log.js, loaded before this file */
const PLACES = {
  'Union Square, New York': [40.7359, -73.9911],
  'Midtown, New York': [40.758, -73.9855],
  'Crown Heights, Brooklyn': [40.6782, -73.9442],
  'Astoria, Queens': [40.7769, -73.9213],
  'The Loop, Chicago': [41.8837, -87.6278],
  'Wicker Park, Chicago': [41.9088, -87.6796],
  'Center City, Philadelphia': [39.9526, -75.1652],
  'Downtown Denver': [39.7392, -104.9903],
  '(none)': null,
};
const DEFAULTS = { mode: 'fair', limit: '3', 'max-distance-km': '40', viewer: 'buyer', units: 'auto', locale: '', theme: 'auto', variant: 'card' };
const ORDER = ['seller-lat', 'seller-lng', 'buyer-lat', 'buyer-lng', 'viewer', 'mode', 'limit', 'max-distance-km', 'units', 'locale', 'theme', 'variant'];

const form = document.getElementById('controls');
const preview = document.getElementById('preview');
const log = document.getElementById('log');
let integrity = '';

function presets(select, party, initial) {
  for (const name of Object.keys(PLACES)) select.add(new Option(name, name, false, name === initial));
  select.addEventListener('change', () => {
    const at = PLACES[select.value];
    form.elements[`${party}-lat`].value = at ? String(at[0]) : '';
    form.elements[`${party}-lng`].value = at ? String(at[1]) : '';
    apply();
  });
}
presets(document.getElementById('seller-preset'), 'seller', 'Union Square, New York');
presets(document.getElementById('buyer-preset'), 'buyer', 'Midtown, New York');

/** The attributes of the current configuration, defaults left out. */
function attributes() {
  const out = [];
  for (const name of ORDER) {
    const value = form.elements[name].value.trim();
    if (value === '' || DEFAULTS[name] === value) continue;
    out.push([name, value]);
  }
  return out;
}

function apply() {
  const attrs = attributes();
  for (const name of ORDER) preview.removeAttribute(name);
  for (const [name, value] of attrs) preview.setAttribute(name, value);
  renderSnippet(attrs);
}

function escapeAttr(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

// The preview's height once it shows suggestions: what a host should reserve for this configuration.
let reservedPx = 280;
function measure() {
  const height = Math.ceil(preview.getBoundingClientRect().height);
  if (height && height !== reservedPx) {
    reservedPx = height;
    renderSnippet(attributes());
  }
}
preview.addEventListener('safetrade-suggest', () => requestAnimationFrame(measure));

function renderSnippet(attrs) {
  const version = window.SafeTradeMeetup?.version ?? 'VERSION';
  const src = `https://cdn.jsdelivr.net/npm/safetrade-meetup@${version}/dist/safetrade-meetup.js`;
  const sri = integrity ? `\n  integrity="${integrity}"\n  crossorigin="anonymous"` : '';
  const attrText = attrs.map(([n, v]) => `\n  ${n}="${escapeAttr(v)}"`).join('');
  document.getElementById('snippet').textContent = [
    "<!-- The loader (~3 KB): the widget's code and stations follow when it nears the viewport,",
    '     each pinned by this one integrity hash. -->',
    `<script src="${src}"${sri}\n  defer></script>`,
    '',
    '<!-- In your stylesheet: reserve the height the widget ends at, measured here at this width, so',
    '     nothing on your page moves while it loads (layout shift 0; npm run bench:cls measures it). -->',
    `<!-- safetrade-meetup { display: block; min-height: ${reservedPx}px; } -->`,
    '',
    `<safetrade-meetup${attrText}></safetrade-meetup>`,
  ].join('\n');
}

// The hash of the exact loader this page runs, as `npm run size` prints it; it pins every file the
// loader fetches.
async function computeIntegrity() {
  try {
    const bytes = await (await fetch('../dist/safetrade-meetup.js')).arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
    integrity = `sha384-${btoa(String.fromCharCode(...digest))}`;
  } catch {
    integrity = ''; // not a secure context: leave it out rather than guess
  }
  apply();
}

logEvents(preview, log, 50);

form.addEventListener('input', apply);
form.addEventListener('change', apply);
form.addEventListener('submit', (e) => e.preventDefault());
document.getElementById('clear').addEventListener('click', () => log.replaceChildren());
document.getElementById('copy').addEventListener('click', async () => {
  const text = document.getElementById('snippet').textContent;
  const out = document.getElementById('copied');
  try {
    await navigator.clipboard.writeText(text);
    out.textContent = 'Copied.';
  } catch {
    getSelection().selectAllChildren(document.getElementById('snippet'));
    out.textContent = 'Selected: press Ctrl+C / ⌘C.';
  }
});

apply();
computeIntegrity();
