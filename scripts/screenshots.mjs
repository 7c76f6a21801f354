// Signs in as each demo user and captures its home page at 1280 px and on a 375 px phone into docs/screenshots/.
// Usage: node scripts/screenshots.mjs <base address>   (scripts/screenshots.sh starts the demo application first)
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const base = (process.argv[2] ?? 'http://127.0.0.1:5183').replace(/\/$/, '');
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const password = 'FieldContracts-2685';
const users = [
  ['purchasing', 'purchasing@hartford.example'],
  ['athletic-director', 'athletics@hartford.example'],
  ['crew', 'crew@contractor.example'],
  ['finance', 'finance@hartford.example'],
];
const sizes = [
  ['desktop', { viewport: { width: 1280, height: 900 } }],
  ['phone', { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const [role, email] of users) {
    for (const [size, options] of sizes) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      await page.goto(`${base}/account/sign-in`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${base}/`);
      const file = join(out, `home-${role}-${size}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      await context.close();
    }
  }
} finally {
  await browser.close();
}
