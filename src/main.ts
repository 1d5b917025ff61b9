import { provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { createAppConfig } from './app/app.config';
import { CONFIG_FAILURE, ConfigErrorPage } from './app/core/config/config-error-page';
import { loadAppConfig } from './app/core/config/config-loader';

async function start(): Promise<void> {
  const result = await loadAppConfig();
  if (result.ok) {
    await bootstrapApplication(App, createAppConfig(result.config));
  } else {
    await bootstrapApplication(ConfigErrorPage, {
      providers: [
        provideBrowserGlobalErrorListeners(),
        provideZonelessChangeDetection(),
        { provide: CONFIG_FAILURE, useValue: result },
      ],
    });
  }
}

start().catch((error: unknown) => {
  // Last resort when Angular itself cannot start: say so instead of leaving a blank page.
  const host = document.querySelector('app-root');
  if (host) host.textContent = 'Waypoint could not start. Reload the page or contact support.';
  console.error(error);
});
