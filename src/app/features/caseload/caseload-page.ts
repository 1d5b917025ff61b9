import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComingSoonPanel } from '../../ui/coming-soon-panel/coming-soon-panel';

@Component({
  selector: 'app-caseload-page',
  imports: [ComingSoonPanel],
  template: `
    <h1>Caseload</h1>
    <app-coming-soon-panel
      heading="Your caseload"
      summary="Who needs attention this week, and why. This screen arrives with the data layer."
      [planned]="planned"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseloadPage {
  protected readonly planned = [
    'Clients ordered by need: safety signals first, then not on track, then missed sessions',
    'Latest scores with severity and reliable change since baseline',
    'Attendance and weekly hours against the level of care',
    'Plan reviews and step-downs that are due',
  ];
}
