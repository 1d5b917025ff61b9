import { ChangeDetectionStrategy, Component, InjectionToken, inject } from '@angular/core';
import { ConfigProblem } from './config-validation';

export interface ConfigFailure {
  readonly file: string;
  readonly problems: readonly ConfigProblem[];
}

export const CONFIG_FAILURE = new InjectionToken<ConfigFailure>('ConfigFailure');

/**
 * Bootstrapped instead of the app when `config.json` is missing or invalid, so an administrator
 * sees which file and which field to fix rather than a blank page.
 */
@Component({
  selector: 'app-root',
  templateUrl: './config-error-page.html',
  styleUrl: './config-error-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfigErrorPage {
  protected readonly failure = inject(CONFIG_FAILURE);
}
