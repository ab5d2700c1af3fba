// End-to-end tests of the role library, interview kits and the JD builder in headless Chromium.
// Run by scripts/test.sh with HIREKIT_BIN pointing at a built `hirekit` binary.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHirekit, sleep } from './harness.mjs';

let browser, base, stop;

before(async () => {
  ({ base, browser, stop } = await startHirekit({ postings: 3000 }));
});

after(async () => {
  if (stop) await stop();
});

const num = (s) => Number(String(s).replace(/[^\d]/g, ''));

test('a role page shows live listings and salaries, and links to its kit', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/roles/backend-engineer`);
  assert.equal((await page.locator('article.role h2').first().textContent()).trim(), 'Backend Engineer');

  // Live listings count = what the board finds for the role family, and the link goes there.
  const board = await (await fetch(`${base}/api/v1/jobs?role_family=backend&limit=1`)).json();
  assert.ok(board.total > 0, 'the demo corpus has backend postings');
  const listings = page.locator('#live-listings');
  assert.equal(num(await listings.locator('strong').textContent()), board.total);
  assert.equal(await listings.getAttribute('href'), '/?role_family=backend');

  // Salary numbers from the listings, with the sample size.
  const headline = (await page.locator('#live-headline').textContent()).trim();
  assert.match(headline, /^Typical salary: .+–.+ · [\d,]+ listings with salary data$/);
  const rows = await page.locator('#live-seniority tbody tr').allTextContents();
  assert.ok(rows.length >= 2, `salary by seniority has ${rows.length} rows`);
  assert.ok(rows.every((r) => /\$\d/.test(r)), `rows carry amounts: ${rows}`);
  assert.ok((await page.locator('#live-regions tbody tr').count()) >= 1, 'salary by region');
  const skills = await page.locator('#live-skills tbody tr').allTextContents();
  assert.ok(skills.length >= 3 && skills.every((s) => /\d+%$/.test(s.trim())), `top skills with shares: ${skills}`);
  assert.match(await page.locator('#live').textContent(), /Sample: [\d,]+ listings with salary data of [\d,]+ open listings/);

  // The JSON API carries the same figures.
  const api = await (await fetch(`${base}/api/v1/roles/backend-engineer`)).json();
  assert.equal(api.live.listings, board.total);
  assert.equal(num(headline.split('·')[1]), api.live.sample_size);

  // Follow the kit link.
  await page.locator('a[href="/kits/backend-engineer"]').click();
  await page.waitForURL(/\/kits\/backend-engineer$/);
  assert.ok((await page.locator('#screening ol.qs > li').count()) >= 3, 'screening questions');
  assert.ok((await page.locator('#technical ol.qs > li').count()) >= 3, 'technical questions');
  const scorecard = await page.locator('#scorecard tbody tr').count();
  assert.ok(scorecard >= 3, `scorecard has ${scorecard} competencies`);
  await page.close();
});

test('the kit page switches seniority and shows questions and the scorecard', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/kits/backend-architect?seniority=staff`);
  assert.match(await page.locator('article.kit h1').textContent(), /Backend Architect/);
  assert.equal((await page.locator('nav.kit-nav strong[aria-current=page]').textContent()).trim(), 'staff');
  assert.ok((await page.locator('#system-design .prompt').count()) >= 1, 'system-design prompts for an architecture role');
  assert.ok((await page.locator('#behavioural ol.qs > li').count()) >= 3, 'behavioural questions');
  assert.ok((await page.locator('#scorecard tbody tr').count()) >= 3, 'scorecard rows');
  await page.locator('nav.kit-nav a', { hasText: 'senior' }).first().click();
  await page.waitForURL(/seniority=senior/);
  assert.equal((await page.locator('nav.kit-nav strong[aria-current=page]').textContent()).trim(), 'senior');
  await page.close();
});

test('the JD builder lints live, builds JSON-LD and publishes to the board', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/jd/new`);
  await page.selectOption('#role', 'backend-engineer');
  await page.selectOption('#seniority', 'senior');
  const word = `Quokkaplex${Date.now() % 100000}`;
  await page.fill('#title', `Senior Backend Engineer ${word}`);
  await page.fill('#company_name', 'Wombat Labs');
  await page.fill('#countries', 'DE');
  await page.fill('#pay_min', '80000');
  await page.fill('#pay_max', '100000');
  await page.fill('#pay_currency', 'EUR');
  await page.fill('#apply_url', 'https://wombat.example/jobs/1');

  // Typing a gendered word brings a finding, without a page load.
  await page.locator('#intro').pressSequentially('We are looking for a coding ninja to join us.', { delay: 5 });
  await page.waitForFunction(() => /gendered-language/.test(document.querySelector('#live')?.textContent || ''));
  assert.match(await page.locator('#live').textContent(), /ninja/i);

  // Build: the JSON-LD is shown and is a JobPosting with the title.
  await page.locator('#build').click();
  await page.waitForSelector('#jsonld');
  const ld = JSON.parse(await page.locator('#jsonld').textContent());
  assert.equal(ld['@type'], 'JobPosting');
  assert.equal(ld.title, `Senior Backend Engineer ${word}`);
  assert.equal(ld.baseSalary['@type'], 'MonetaryAmount');
  assert.equal(await page.locator('#title').inputValue(), `Senior Backend Engineer ${word}`, 'the form keeps its values');

  // Publish: the posting is on the board at once.
  await page.locator('#publish').click();
  await page.waitForSelector('#published a');
  const href = await page.locator('#published a').getAttribute('href');
  assert.match(href, /^\/jobs\/\d+$/);
  let found;
  for (let i = 0; i < 30; i++) {
    found = await (await fetch(`${base}/api/v1/jobs?q=${word}`)).json();
    if (found.total > 0) break;
    await sleep(100);
  }
  assert.equal(found.total, 1, 'the published JD is searchable');
  assert.equal(`/jobs/${found.hits[0].id}`, href);
  await page.goto(`${base}/?q=${word}`);
  await page.waitForSelector('.hit');
  await page.locator('.hit h2 a').first().click();
  await page.waitForSelector('article h1');
  assert.equal((await page.locator('article h1').textContent()).trim(), `Senior Backend Engineer ${word}`);
  await page.close();
});

test('role pages answer fast', async () => {
  // Warm once, then time the page with its live figures (debug builds are slower than release).
  await fetch(`${base}/roles/data-engineer`);
  const t0 = performance.now();
  const r = await fetch(`${base}/roles/data-engineer`);
  await r.text();
  const ms = performance.now() - t0;
  assert.equal(r.status, 200);
  assert.ok(ms < 1000, `role page took ${ms.toFixed(0)} ms`);
});
