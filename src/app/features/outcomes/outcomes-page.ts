import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComingSoonPanel } from '../../ui/coming-soon-panel/coming-soon-panel';

@Component({
  selector: 'app-outcomes-page',
  imports: [ComingSoonPanel],
  template: `
    <h1>Outcomes</h1>
    <app-coming-soon-panel
      heading="Program outcomes"
      summary="Is the program working, for whom, and where should we act?"
      [planned]="planned"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutcomesPage {
  protected readonly planned = [
    'Response, remission and reliable improvement with confidence intervals',
    'Completion, readmission and attendance by program, therapist and cohort',
    'Drill-down to the episodes behind every number',
  ];
}
