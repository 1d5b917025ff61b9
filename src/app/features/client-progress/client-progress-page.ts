import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { patientsSlice } from '../../store/clinical-slices';
import { ComingSoonPanel } from '../../ui/coming-soon-panel/coming-soon-panel';

/** The route the caseload links to; the progress charts arrive with their own issue. */
@Component({
  selector: 'app-client-progress-page',
  imports: [ComingSoonPanel, RouterLink],
  template: `
    <p><a routerLink="/caseload">← Caseload</a></p>
    <h1>{{ name() }}</h1>
    <app-coming-soon-panel
      heading="Progress"
      summary="Every measure over time with severity bands and reliable-change markers, against attendance and levels of care."
      [planned]="planned"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientProgressPage {
  readonly patientId = input.required<string>();
  private readonly patients = inject(Store).selectSignal(patientsSlice.selectEntities);
  protected readonly name = computed(
    () => this.patients()[this.patientId()]?.name ?? 'Client progress',
  );
  protected readonly planned = [
    'PHQ-9, GAD-7, PCL-5, DERS-16 and more over time, with severity bands',
    'Reliable-change markers and the expected recovery curve',
    'Attendance by modality and the level-of-care phases',
  ];
}
