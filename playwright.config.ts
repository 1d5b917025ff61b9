import { defineConfig } from '@playwright/test';

const port = Number(process.env['E2E_PORT'] ?? 4300);
const chromium = process.env['CHROME_BIN'] || '/usr/bin/chromium';

/**
 * End-to-end tests run the production build in Debian's Chromium (Playwright's own browser
 * download is not available here), served with the real development FHIR server from one
 * origin, as `npm run serve:prod` does, over a small seeded database made for the run.
 * `npm test` builds the app first.
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command:
      `rm -f data/e2e.sqlite* && npx tsx server/seed/main.ts --clients 40 --seed 7 --db data/e2e.sqlite --out data/e2e-ndjson` +
      ` && npx tsx server/main.ts --port ${port} --db data/e2e.sqlite --app dist/waypoint/browser`,
    url: `http://127.0.0.1:${port}/fhir/metadata`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
