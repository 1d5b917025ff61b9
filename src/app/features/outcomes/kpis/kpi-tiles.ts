import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { KpiTileView } from '../outcomes-view-model';

/**
 * The period's numbers as tiles, each with its n and interval and how it moved since the
 * previous period. A tile made of episodes opens the list behind it.
 */
@Component({
  selector: 'app-kpi-tiles',
  imports: [MatButtonModule],
  templateUrl: './kpi-tiles.html',
  styleUrl: './kpi-tiles.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KpiTiles {
  readonly tiles = input.required<readonly KpiTileView[]>();
  /** The id of the tile whose episodes the user asked to see. */
  readonly drill = output<string>();
}
