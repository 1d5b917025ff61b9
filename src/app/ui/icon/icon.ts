import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** The Material Symbols (outlined, weight 400) that Waypoint bundles; see angular.json assets. */
export type IconName =
  | 'menu'
  | 'dark_mode'
  | 'light_mode'
  | 'account_circle'
  | 'logout'
  | 'groups'
  | 'stairs_2'
  | 'monitoring'
  | 'error'
  | 'construction'
  | 'home'
  | 'apartment';

/**
 * A Material Symbol drawn as a CSS mask over `currentColor`: the SVGs ship from the
 * `@material-symbols/svg-400` npm package (no CDN, no icon font), take the text colour in both
 * themes, and need no sanitiser bypass as `MatIconRegistry` would.
 */
@Component({
  selector: 'app-icon',
  template: '',
  styleUrl: './icon.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    'aria-hidden': 'true',
    '[style.mask-image]': 'maskImage()',
    '[style.-webkit-mask-image]': 'maskImage()',
  },
})
export class Icon {
  readonly name = input.required<IconName>();
  protected readonly maskImage = computed(() => `url("icons/${this.name()}.svg")`);
}
