// Shared set-up of the browser tests: a demo corpus in a temporary data dir, `hirekit serve`
// on a free port (ready once the index answers), and headless Chromium.
// HIREKIT_BIN points at a built `hirekit` binary; CHROMIUM at the browser (default /usr/bin/chromium).
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';

export const BIN = process.env.HIREKIT_BIN;
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/// Seeds a demo store with `postings` postings, serves it and launches the browser.
/// Returns { base, browser, dataDir, stop }.
export async function startHirekit({ postings = 3000 } = {}) {
  assert.ok(BIN, 'set HIREKIT_BIN to the hirekit binary');
  const dataDir = mkdtempSync(join(tmpdir(), 'hirekit-e2e-'));
  execFileSync(BIN, ['--data-dir', dataDir, 'demo', '--postings', String(postings), '--no-serve', '--json'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(BIN, ['--data-dir', dataDir, '--log', 'warn', 'serve', '--addr', `127.0.0.1:${port}`, '--no-poll'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let browser;
  const stop = async () => {
    if (browser) await browser.close();
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  // Ready when the index answers with documents (serve catches up from the store on start).
  let ready = false;
  for (let i = 0; i < 600 && !ready; i++) {
    try {
      const r = await fetch(`${base}/api/v1/jobs?q=engineer&limit=1`);
      ready = r.ok && (await r.json()).total > 0;
    } catch {}
    if (!ready) await sleep(100);
  }
  if (!ready) {
    await stop();
    assert.fail('hirekit serve did not become ready with an index');
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return { base, browser, dataDir, stop };
}
