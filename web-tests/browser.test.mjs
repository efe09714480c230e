// Browser tests of casefile's web app: Debian's Chromium driven by playwright-core, against a
// `casefile serve` that scripts/browser-test started on a store of examples/corpus.
//
// Environment (set by scripts/browser-test): CASEFILE_URL, CASEFILE_TOKEN, CASEFILE_BIN,
// CASEFILE_STORE, CASEFILE_CORPUS, CASEFILE_FIXTURES, CHROMIUM; CASEFILE_SCREENSHOTS=DIR to save
// screenshots of the main pages there.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run scripts/browser-test`);
  return v;
};
const BASE = env('CASEFILE_URL');
const TOKEN = env('CASEFILE_TOKEN');
const BIN = env('CASEFILE_BIN');
const STORE = env('CASEFILE_STORE');
const CORPUS = env('CASEFILE_CORPUS');
const FIXTURES = env('CASEFILE_FIXTURES');
const SHOTS = process.env.CASEFILE_SCREENSHOTS || '';

let browser;
let context;
/** Everything that would show a page misbehaving: script errors, console errors (a CSP
 * violation is one), dialogs, and requests for anything but our own pages. */
const trouble = [];

before(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
  context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  context.on('page', watch);
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
});

function watch(page) {
  page.on('pageerror', (e) => trouble.push(`page error on ${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') trouble.push(`console ${m.type()} on ${page.url()}: ${m.text()}`);
  });
  page.on('dialog', async (d) => {
    trouble.push(`dialog on ${page.url()}: ${d.message()}`);
    await d.dismiss();
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    const ours = url.origin === BASE && (/^\/(search|entities|documents|api|reviews)\b/.test(url.pathname) || url.pathname === '/' || url.pathname === '/static/style.css' || url.pathname.startsWith('/contradictions') || url.pathname.startsWith('/status'));
    if (!ours) trouble.push(`unexpected request ${r.url()} from ${page.url()}`);
  });
}

async function shot(page, name) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function api(path, options = {}) {
  const r = await fetch(BASE + path, options);
  const body = await r.text();
  assert.ok(r.ok, `${options.method || 'GET'} ${path}: ${r.status} ${body}`);
  return JSON.parse(body);
}

/** Runs `casefile ingest` on the test's store (the server keeps running) and reloads the server. */
async function ingestAndReload(folder) {
  execFileSync(BIN, ['--store', STORE, 'ingest', folder], { stdio: ['ignore', 'ignore', 'pipe'] });
  await api('/api/reload', { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } });
}

/** The order `casefile` puts events in: dated by year, month, day; year-less dates after them;
 * undated last. `text` is what the page prints: 2023-03-14, 2023-03, 2023, --09-03, --09. */
function dateKey(text) {
  let m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text);
  if (m) return [0, +m[1], +(m[2] || 0), +(m[3] || 0)];
  m = /^--(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (m) return [1, 0, +m[1], +(m[2] || 0)];
  assert.equal(text, 'date unknown', `a date the page prints: ${text}`);
  return [2, 0, 0, 0];
}

const compareKeys = (a, b) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
};

/** Opens the case file of the first person the search page lists for `name`. */
async function openCaseFile(page, name, screenshot = false) {
  await page.goto(BASE + '/');
  await page.fill('header input[name=q]', name);
  await Promise.all([page.waitForURL(/\/search\?/), page.press('header input[name=q]', 'Enter')]);
  if (screenshot) await shot(page, 'search');
  // Narrow to people by clicking the facet: every hit left is a person.
  await Promise.all([
    page.waitForURL(/type=person/),
    page.locator('ul[data-facet="type"] a', { hasText: /^person$/ }).click(),
  ]);
  const tags = await page.locator('ul.hits .tag').allTextContents();
  assert.ok(tags.length >= 1 && tags.every((t) => t === 'person'), `only people: ${tags}`);
  assert.equal(await page.locator('ul.hits a[href^="/documents/"]').count(), 0);
  const link = page.locator('ul.hits a[href^="/entities/"]', { hasText: name }).first();
  await Promise.all([page.waitForURL(/\/entities\//), link.click()]);
}

test('search, case file in date order, and a source passage highlighted in its document', async () => {
  const page = await context.newPage();
  await openCaseFile(page, 'Aigerim Sultanova', true);
  assert.equal(await page.locator('h1').textContent(), 'Aigerim Sultanova');

  const dates = await page.locator('ol.events > li > .date').allTextContents();
  assert.ok(dates.length >= 4, `Sultanova's timeline lists her events: ${dates}`);
  const keys = dates.map(dateKey);
  const sorted = [...keys].sort(compareKeys);
  assert.deepEqual(keys, sorted, `events in date order: ${dates.join(', ')}`);
  for (const expected of ['2023-03-14', '2023-07-21']) assert.ok(dates.includes(expected), `${expected} in ${dates}`);
  // The SVG timeline draws one dot per event with a year.
  const dots = await page.locator('svg.timeline circle').count();
  assert.equal(dots, keys.filter((k) => k[0] === 0).length);
  await shot(page, 'case-file');

  // The first source passage of the detention: its quote, then its link to the document.
  const source = page.locator('ol.events > li', { has: page.locator('strong', { hasText: /^detention$|^arrest$/ }) }).locator('ul.sources > li').first();
  const quoted = await source.locator('q').textContent();
  const href = await source.locator('a').getAttribute('href');
  assert.match(href, /^\/documents\/[^#]+#c\d+-\d+$/);
  await Promise.all([page.waitForURL(/\/documents\//), source.locator('a').click()]);
  const target = page.locator(':target');
  assert.equal(await target.count(), 1, 'the link lands on one element');
  assert.equal(await target.getAttribute('id'), href.split('#')[1]);
  assert.equal(await target.evaluate((el) => el.tagName), 'MARK');
  assert.equal(await target.textContent(), quoted, 'the marked passage is the quoted one');
  // Highlighted (the :target colour) and scrolled into view.
  const look = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { bg: getComputedStyle(el).backgroundColor, top: r.top, bottom: r.bottom, height: innerHeight };
  });
  assert.equal(look.bg, 'rgb(255, 179, 71)');
  assert.ok(look.top >= 0 && look.top < look.height, `passage in view: ${JSON.stringify(look)}`);
  await shot(page, 'document');
  await page.close();
});

test('a review survives re-ingesting the same folder', async () => {
  const page = await context.newPage();
  await openCaseFile(page, 'Aigerim Sultanova');
  const entity = page.url().split('/entities/')[1];
  const caseFile = await api(`/api/entities/${entity}`);
  const conviction = caseFile.events.find((e) => e.type === 'conviction');
  assert.ok(conviction, 'Sultanova has a conviction');
  assert.notEqual(conviction.date, '2023-07-20');

  const r = await fetch(BASE + '/api/reviews', {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ target: conviction.id, action: 'correct_date', value: '2023-07-20', note: 'court record says the 20th' }),
  });
  assert.equal(r.status, 201, await r.text());
  const noToken = await fetch(BASE + '/api/reviews', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ target: conviction.id, action: 'reject' }),
  });
  assert.equal(noToken.status, 401);

  const dateOf = () => page.locator(`li[id="${conviction.id}"] > .date`).textContent();
  await api('/api/reload', { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } });
  await page.reload();
  assert.equal(await dateOf(), '2023-07-20');

  // The same through the page's own review form (no script): another event's date corrected.
  const other = caseFile.events.find((e) => e.id !== conviction.id && e.date && e.date !== '2022-03-15');
  assert.ok(other, 'Sultanova has another dated event');
  const item = page.locator(`li[id="${other.id}"]`);
  await item.locator('details.review > summary').click();
  await item.locator('select[name="action"]').selectOption('correct_date');
  await item.locator('input[name="value"]').fill('2022-03-15');
  await item.locator('input[name="token"]').fill(TOKEN);
  await Promise.all([page.waitForURL(/\/entities\//), item.locator('button[type="submit"]').click()]);
  const otherDate = () => page.locator(`li[id="${other.id}"] > .date`).textContent();
  assert.equal(await otherDate(), '2022-03-15', 'the form review shows at once');

  await ingestAndReload(CORPUS);
  await page.reload();
  assert.equal(await dateOf(), '2023-07-20', 'the correction is applied after re-ingest');
  assert.equal(await otherDate(), '2022-03-15', 'the form correction is applied after re-ingest');
  const dates = (await page.locator('ol.events > li > .date').allTextContents()).map(dateKey);
  assert.deepEqual(dates, [...dates].sort(compareKeys), 'still in date order');
  await page.close();
});

test('injected markup in a document is shown as text and never runs', async () => {
  await ingestAndReload(FIXTURES);
  const page = await context.newPage();
  const found = await api('/api/search?q=defaced&kind=document');
  assert.ok(found.hits.length >= 1, 'the hostile report is searchable');
  const id = found.hits[0].id;
  await page.goto(`${BASE}/documents/${id}`);
  const text = await page.locator('article.text').textContent();
  for (const payload of [
    `<script>window.__pwned = 'body'; alert('pwned')</script>`,
    `<img src=x onerror="window.__pwned='img'">`,
    `<svg onload="window.__pwned='svg'"></svg>`,
    `<a href="javascript:window.__pwned='link'">read more</a>`,
  ]) {
    assert.ok(text.includes(payload), `shown as text: ${payload}`);
  }
  assert.equal(await page.locator('main script, main img, main svg:not(.timeline), main [onerror], main [onload], main a[href^="javascript:"]').count(), 0);

  const nothingRan = async () =>
    assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined', `nothing ran on ${page.url()}`);
  await nothingRan();

  // The person in it, the search results page and a query that is itself markup.
  await openCaseFile(page, 'Nurlan Bekov');
  await nothingRan();
  await page.goto(`${BASE}/search?q=${encodeURIComponent('defaced <img src=x onerror="window.__pwned=1">')}`);
  assert.match(await page.locator('h1').textContent(), /<img src=x onerror=/);
  await nothingRan();
  await page.goto(`${BASE}/search?q=defaced`);
  assert.ok((await page.locator('.snippet').count()) >= 1);
  await nothingRan();
  await page.close();
});

test('the contradictions queue shows both passages, each linked to its marked passage', async () => {
  // The fixtures ingested above: two reports giving Nurlan Bekov three and four years.
  const page = await context.newPage();
  await page.goto(BASE + '/');
  await Promise.all([page.waitForURL(/\/contradictions$/), page.click('header nav a[href="/contradictions"]')]);
  const item = page.locator('ol.contradictions > li', { hasText: 'Nurlan Bekov' });
  assert.equal(await item.count(), 1);
  const values = await item.locator('ul.sides > li > strong').allTextContents();
  assert.deepEqual([...values].sort(), ['3 years', '4 years']);
  const quotes = await item.locator('ul.sides q').allTextContents();
  assert.ok(quotes.some((q) => q.includes('three years')) && quotes.some((q) => q.includes('four years')), `${quotes}`);
  await shot(page, 'contradictions');
  for (let i = 0; i < 2; i++) {
    await page.goto(BASE + '/contradictions');
    const side = page.locator('ol.contradictions > li', { hasText: 'Nurlan Bekov' }).locator('ul.sides > li').nth(i);
    const quoted = await side.locator('q').textContent();
    await Promise.all([page.waitForURL(/\/documents\//), side.locator('a').click()]);
    assert.equal(await page.locator(':target').textContent(), quoted);
  }

  // The ingest status lists every stored document.
  await page.goto(BASE + '/status');
  const rows = await page.locator('table.status tbody tr').count();
  const status = await api('/api/status');
  assert.equal(rows, status.stored);
  assert.equal(status.stored, status.in_record);
  assert.ok(status.stored >= 12);
  await shot(page, 'status');
  await page.close();
});

test('no page raised an error, a dialog or a foreign request', () => {
  assert.deepEqual(trouble, []);
});
