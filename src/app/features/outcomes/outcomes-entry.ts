import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Store } from '@ngrx/store';
import { authFeature } from '../../core/auth/auth-feature';
import { DirectorsOnlyPage } from './directors-only-page';
import { OutcomesPage } from './outcomes-page';

/**
 * Directors get the outcomes page (which then asks for the program's data); other staff a page
 * saying why not. Decided here rather than by a route guard: on a reload the session is
 * restored by the shell's guard, after route matching would already have chosen.
 */
@Component({
  selector: 'app-outcomes-entry',
  imports: [DirectorsOnlyPage, OutcomesPage],
  template: `
    @if (director()) {
      <app-outcomes-page />
    } @else {
      <app-directors-only-page />
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutcomesEntry {
  private readonly user = inject(Store).selectSignal(authFeature.selectUser);
  protected readonly director = computed(() => this.user()?.role === 'director');
}
