import { defineConfig } from '@playwright/test';

const port = Number(process.env['E2E_PORT'] ?? 4300);
/** A second server on this port runs open mode (no authorisation). */
export const openPort = port + 1;
/**
 * A third runs with fault injection (`--faults`, e2e/faults.spec.ts), on its own database: its
 * faults are global, so specs running in parallel must never share it.
 */
export const faultsPort = port + 2;
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
  timeout: 120_000,
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
  webServer: [
    {
      command: seedAndServe(port, 'e2e', ''),
      url: `http://127.0.0.1:${port}/fhir/metadata`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      // The same data without security, for open mode (`auth: "open"`) and its picker.
      command: seedAndServe(openPort, 'e2e-open', '--open'),
      url: `http://127.0.0.1:${openPort}/fhir/metadata`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: seedAndServe(faultsPort, 'e2e-faults', '--faults'),
      url: `http://127.0.0.1:${faultsPort}/fhir/metadata`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});

function seedAndServe(serverPort: number, name: string, flags: string): string {
  // Named by port as well, so two runs on one machine (on different E2E_PORTs) never delete
  // each other's database.
  const db = `data/${name}-${serverPort}`;
  return (
    `rm -f ${db}.sqlite* && npx tsx server/seed/main.ts --clients 40 --seed 7 --db ${db}.sqlite --out ${db}-ndjson` +
    ` && npx tsx server/main.ts --port ${serverPort} --db ${db}.sqlite --app dist/waypoint/browser ${flags}`
  );
}
