import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComingSoonPanel } from '../../ui/coming-soon-panel/coming-soon-panel';

@Component({
  selector: 'app-step-down-page',
  imports: [ComingSoonPanel],
  template: `
    <h1>Step-down</h1>
    <app-coming-soon-panel
      heading="Level-of-care journeys"
      summary="Clients moving between inpatient, residential, PHP, IOP, weekly therapy and aftercare."
      [planned]="planned"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StepDownPage {
  protected readonly planned = [
    'Flows between levels of care for an admission cohort',
    'Time in each level against the expected length',
    'Transition board: ready to step down, at risk of step-up',
    'Planning a step-down or step-up',
  ];
}
