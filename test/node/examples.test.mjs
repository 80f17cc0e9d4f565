// Every example, served as a static host would (scripts/serve.mjs), in headless Chromium: it
// renders a suggestion, and "Suggest this station" reaches the page through the framework's own
// API (a DOM listener, a React `onSafetradeSelect` prop, a Vue `@safetrade-select` listener).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, startServer } from './browser.mjs';

let browser;
let server;
let base;
before(async () => {
  ({ server, url: base } = await startServer());
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function selectFirst(page) {
  const first = page.locator('safetrade-meetup [part~="suggestion"]').first();
  await first.waitFor({ timeout: 10000 });
  const name = (await first.locator('[part~="name"]').textContent()).trim();
  await first.locator('[part~="select"]').click();
  return name;
}

for (const [label, path] of [
  ['ES modules + import map', '/examples/esm.html'],
  ['React (safetrade-meetup/react, onSafetradeSelect)', '/examples/react/'],
  ['Vue (@safetrade-select)', '/examples/vue.html'],
]) {
  test(`${label}: renders a suggestion and the app receives the select event`, async () => {
    const page = await openPage(browser, base + path);
    const name = await selectFirst(page);
    await page.locator('#selected', { hasText: name }).waitFor({ timeout: 5000 });
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}

test('the ESM example also runs the core in the page', async () => {
  const page = await openPage(browser, `${base}/examples/esm.html`);
  await page.locator('#core', { hasText: 'km' }).waitFor({ timeout: 10000 });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('plain script tag (listing page): renders a suggestion and logs the select event', async () => {
  const page = await openPage(browser, `${base}/examples/listing.html`);
  const name = await selectFirst(page);
  await page.locator('#log li', { hasText: `safetrade-select — ${name}` }).waitFor({ timeout: 5000 });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('npm start opens the playground, which links to the listing page', async () => {
  const page = await openPage(browser, `${base}/`);
  assert.match(page.url(), /\/examples\/$/);
  await page.locator('safetrade-meetup [part~="suggestion"]').first().waitFor({ timeout: 10000 });
  assert.equal(await page.locator('a[href="./listing.html"]').count(), 1);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the playground: controls drive the preview, events are logged, the snippet matches, with SRI', async () => {
  const page = await openPage(browser, `${base}/examples/`);
  await page.locator('#preview [part~="suggestion"]').first().waitFor({ timeout: 10000 });
  await page.selectOption('select[name="mode"]', 'total');
  await page.selectOption('select[name="variant"]', 'compact');
  await page.fill('input[name="limit"]', '2');
  await page.locator('#log li', { hasText: 'safetrade-suggest — total:' }).first().waitFor({ timeout: 5000 });
  await page.waitForFunction(() => document.getElementById('snippet').textContent.includes('integrity="sha384-'));
  const snippet = await page.locator('#snippet').textContent();
  assert.match(snippet, /mode="total"/);
  assert.match(snippet, /limit="2"/);
  assert.match(snippet, /variant="compact"/);
  assert.doesNotMatch(snippet, /units=/, 'defaults are left out');
  assert.equal(await page.locator('#preview').getAttribute('mode'), 'total');
  // compact is one line: the best station only, whatever the limit
  assert.equal(await page.locator('#preview [part~="suggestion"]').count(), 1);
  await page.selectOption('select[name="variant"]', 'card');
  await page.waitForFunction(() => document.querySelector('#preview').shadowRoot.querySelectorAll('[part~="suggestion"]').length === 2);
  assert.deepEqual(page.problems, []);
  await page.close();
});
