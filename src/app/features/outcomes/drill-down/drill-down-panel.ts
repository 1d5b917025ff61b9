import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  afterNextRender,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { format } from 'date-fns';
import { csvPreamble, csvText, downloadText } from '../../../ui/csv/csv';
import { DrillDownView } from '../outcomes-view-model';

/**
 * The episodes behind a number. Clients appear under pseudonymous ids so a director can present
 * on a shared screen; names take a deliberate switch, which resets whenever another list opens.
 */
@Component({
  selector: 'app-drill-down-panel',
  imports: [MatButtonModule, MatSlideToggleModule],
  templateUrl: './drill-down-panel.html',
  styleUrls: ['../../../ui/chart-frame/data-table.scss', './drill-down-panel.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DrillDownPanel {
  private readonly document = inject(DOCUMENT);
  readonly view = input.required<DrillDownView>();
  readonly closed = output<void>();

  protected readonly showNames = signal(false);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  constructor() {
    // The list opens below the number that was chosen: take the reader (and focus) to it.
    afterNextRender(() => this.heading().nativeElement.focus());
  }

  protected export(): void {
    const view = this.view();
    const names = this.showNames();
    const lines = csvPreamble(view.partTwo, format(new Date(), 'yyyy-MM-dd HH:mm'));
    lines.push([view.title], [view.description]);
    lines.push([
      'Client',
      ...(names ? ['Name'] : []),
      'Program',
      'Therapist',
      'Level',
      'Start',
      'End',
      'Scores',
      'Outcome',
    ]);
    for (const r of view.rows)
      lines.push([
        r.pseudonym,
        ...(names ? [r.name] : []),
        r.program,
        r.therapist,
        r.level,
        r.start,
        r.end,
        r.scores,
        r.outcome,
      ]);
    const slug = view.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    downloadText(this.document, `outcomes-${slug}.csv`, csvText(lines));
  }
}
