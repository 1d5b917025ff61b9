import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { Icon } from '../icon/icon';

/** An honest placeholder for a screen whose issue has not landed yet. */
@Component({
  selector: 'app-coming-soon-panel',
  imports: [MatCardModule, Icon],
  templateUrl: './coming-soon-panel.html',
  styleUrl: './coming-soon-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComingSoonPanel {
  readonly heading = input.required<string>();
  readonly summary = input.required<string>();
  readonly planned = input<readonly string[]>([]);
}
