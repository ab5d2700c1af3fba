// End-to-end tests of the public job board in real headless Chromium.
// Run by scripts/test.sh with HIREKIT_BIN pointing at a built `hirekit` binary.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHirekit } from './harness.mjs';

let browser, base, stop;

before(async () => {
  ({ base, browser, stop } = await startHirekit({ postings: 3000 }));
});

after(async () => {
  if (stop) await stop();
});

async function total(page) {
  const t = await page.locator('.summary strong').first().textContent();
  return Number(t.replace(/,/g, ''));
}

test('search, filter, open a posting: the apply link points at the source', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  await page.fill('#q', 'engineer');
  await page.press('#q', 'Enter');
  await page.waitForURL(/q=engineer/);
  await page.waitForSelector('.hit');
  const all = await total(page);
  assert.ok(all > 0, 'the query finds postings');

  // Tick "Remote": the results update in place (JavaScript) and the URL follows.
  await page.locator('input[name=remote][value=remote]').check();
  await page.waitForFunction(() => location.search.includes('remote=remote'));
  await page.waitForFunction(() => document.querySelector('#results')?.getAttribute('aria-busy') === 'false');
  const remote = await total(page);
  assert.ok(remote > 0 && remote < all, `remote filter narrows ${all} to ${remote}`);
  const places = await page.locator('.hit .meta').allTextContents();
  assert.ok(places.length > 0);

  // Open the first posting.
  const first = page.locator('.hit h2 a').first();
  const title = (await first.textContent()).trim();
  await first.click();
  await page.waitForSelector('article h1');
  assert.equal((await page.locator('article h1').textContent()).trim(), title);
  const id = new URL(page.url()).pathname.split('/').pop();
  const job = await (await fetch(`${base}/api/v1/jobs/${id}`)).json();
  assert.equal(job.remote, 'remote', 'the filtered posting is remote');
  const href = await page.locator('#apply').getAttribute('href');
  assert.equal(href, job.apply_url ?? job.url, 'apply link is the source link');
  assert.ok(/^https?:\/\//.test(href) && !href.startsWith(base), `apply link leaves hirekit: ${href}`);
  const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  assert.equal(ld['@type'], 'JobPosting');
  assert.equal(ld.title, job.title);
  await page.close();
});

test('the salary page shows its headline and charts', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/salaries/backend`);
  const headline = (await page.locator('#headline').textContent()).trim();
  assert.match(headline, /^Typical salary: .+–.+ · [\d,]+ listings with salary data$/);
  const bars = await page.locator('svg.histogram rect.bar').count();
  assert.ok(bars >= 3, `histogram has ${bars} bars`);
  assert.ok((await page.locator('svg.bands').count()) === 1, 'seniority bands chart');
  const box = await page.locator('svg.histogram').boundingBox();
  assert.ok(box && box.width > 200 && box.height > 50, 'the chart is drawn at a visible size');
  await page.close();
});

test('the board works without JavaScript and from the keyboard', async () => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(`${base}/?q=developer`);
  await page.waitForSelector('.hit');
  // Keyboard: the search box has focus on load; Tab reaches the sort control.
  await page.focus('#q');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'sort');
  // Plain form submission with a facet ticked.
  await page.locator('input[name=seniority]').first().check();
  await page.locator('noscript button, .searchbar button[type=submit]').first().click();
  await page.waitForURL(/seniority=/);
  assert.ok((await page.locator('.hit').count()) > 0);
  // Pagination by cursor.
  const next = page.locator('a[rel=next]');
  if (await next.count()) {
    const firstId = await page.locator('.hit h2 a').first().getAttribute('href');
    await next.click();
    await page.waitForURL(/cursor=/);
    assert.notEqual(await page.locator('.hit h2 a').first().getAttribute('href'), firstId);
  }
  await ctx.close();
});

test('a bad query gets a clear message, not a crash', async () => {
  const page = await browser.newPage();
  const resp = await page.goto(`${base}/?q=${encodeURIComponent('"unclosed phrase')}`);
  assert.equal(resp.status(), 400);
  assert.match(await page.locator('.error').textContent(), /unclosed quote.*at byte \d+/);
  await page.close();
});
