import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

/**
 * What staff other than directors see at /outcomes. Program-wide outcomes (every therapist's
 * clients, by therapist) are for directors under minimum-necessary access; a therapist's own
 * clients' outcomes are on their caseload and progress pages.
 */
@Component({
  selector: 'app-directors-only-page',
  imports: [MatButtonModule, RouterLink],
  template: `
    <h1>Outcomes</h1>
    <p>
      Program outcomes cover every therapist's clients, so they are for program directors. Your own
      clients' progress and outcomes are on your caseload and each client's progress page.
    </p>
    <a mat-flat-button routerLink="/caseload">Go to your caseload</a>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DirectorsOnlyPage {}
