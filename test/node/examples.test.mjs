// Every example, served as a static host would (scripts/serve.mjs), in Chromium, Firefox and
// WebKit (BROWSERS picks): it renders a suggestion, and "Suggest this station" reaches the page
// through the framework's own API (a DOM listener, a React `onSafetradeSelect` prop, a Vue
// `@safetrade-select` listener).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eachEngine, shadowText, startWatchedServer } from './browser.mjs';

let server;
before(async () => {
  server = await startWatchedServer();
});
after(() => server?.server.close());

const FIRST = '[part~="suggestion"]';

async function selectFirst(page, host = 'safetrade-meetup') {
  const name = await page.waitFor(shadowText, [host, `${FIRST} [part~="name"]`], { message: `no suggestion in ${host}` });
  await page.click(host, `${FIRST} [part~="select"]`);
  return name;
}

const textOf = ([selector, includes]) => [...document.querySelectorAll(selector)].some((n) => n.textContent.includes(includes));

eachEngine((session) => {
  test('a page error, a console error and a 404 would fail these tests (the watcher sees them)', async () => {
    const page = await session.browser.open(`${server.url}/examples/listing.html`, server);
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('boom');
      });
      console.error('bad');
      return fetch('/no-such-file.js').then(() => new Promise((r) => setTimeout(r, 50)));
    });
    const problems = await page.problems();
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.ok(problems.includes('console.error: bad'));
    assert.ok(problems.includes('HTTP 404: /no-such-file.js'));
    // The engine words the uncaught error ("Uncaught Error: boom", "Error: boom").
    assert.ok(problems.some((p) => /^pageerror: .*\bboom$/.test(p)));
    await page.close();
  });

  for (const [label, path] of [
    ['ES modules + import map', '/examples/esm.html'],
    ['React (safetrade-meetup/react, onSafetradeSelect)', '/examples/react/'],
    ['Vue (@safetrade-select)', '/examples/vue.html'],
  ]) {
    test(`${label}: renders a suggestion and the app receives the select event`, async () => {
      const page = await session.browser.open(server.url + path, server);
      const name = await selectFirst(page);
      await page.waitFor(textOf, ['#selected', name], { timeout: 5000, message: `#selected never said ${name}` });
      assert.deepEqual(await page.problems(), []);
      await page.close();
    });
  }

  test('the ESM example also runs the core in the page', async () => {
    const page = await session.browser.open(`${server.url}/examples/esm.html`, server);
    await page.waitFor(textOf, ['#core', 'km']);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('plain script tag (listing page): renders a suggestion and logs the select event', async () => {
    const page = await session.browser.open(`${server.url}/examples/listing.html`, server);
    const name = await selectFirst(page);
    await page.waitFor(textOf, ['#log li', `safetrade-select — ${name}`], { timeout: 15000 });
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('npm start opens the playground, which links to the listing page', async () => {
    const page = await session.browser.open(`${server.url}/`, server);
    assert.match(await page.url(), /\/examples\/$/);
    await page.waitFor(shadowText, ['safetrade-meetup', FIRST]);
    assert.equal(await page.evaluate(() => document.querySelectorAll('a[href="./listing.html"]').length), 1);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });

  test('the playground: controls drive the preview, events are logged, the snippet matches, with SRI', async () => {
    const page = await session.browser.open(`${server.url}/examples/`, server);
    await page.waitFor(shadowText, ['#preview', FIRST]);
    await page.select('select[name="mode"]', 'total');
    await page.select('select[name="variant"]', 'compact');
    await page.fill('input[name="limit"]', '2');
    await page.waitFor(textOf, ['#log li', 'safetrade-suggest — total:'], { timeout: 15000 });
    await page.waitFor(() => document.getElementById('snippet').textContent.includes('integrity="sha384-'));
    const snippet = await page.evaluate(() => document.getElementById('snippet').textContent);
    assert.match(snippet, /mode="total"/);
    assert.match(snippet, /limit="2"/);
    assert.match(snippet, /variant="compact"/);
    assert.doesNotMatch(snippet, /units=/, 'defaults are left out');
    assert.equal(await page.evaluate(() => document.querySelector('#preview').getAttribute('mode')), 'total');
    // compact is one line: the best station only, whatever the limit
    assert.equal(await page.evaluate(() => document.querySelector('#preview').shadowRoot.querySelectorAll('[part~="suggestion"]').length), 1);
    await page.select('select[name="variant"]', 'card');
    await page.waitFor(() => document.querySelector('#preview').shadowRoot.querySelectorAll('[part~="suggestion"]').length === 2);
    assert.deepEqual(await page.problems(), []);
    await page.close();
  });
});
