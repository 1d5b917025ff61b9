import { defineConfig } from '@playwright/test';

const port = Number(process.env['E2E_PORT'] ?? 4300);
const chromium = process.env['CHROME_BIN'] || '/usr/bin/chromium';

/**
 * End-to-end tests run the production build in Debian's Chromium (Playwright's own browser
 * download is not available here). `npm test` builds first; the web server only serves.
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
    command: `node scripts/serve-dist.mjs`,
    env: { PORT: String(port) },
    url: `http://127.0.0.1:${port}/config.json`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
