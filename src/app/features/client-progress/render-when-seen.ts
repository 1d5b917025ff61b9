import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  OnInit,
  TemplateRef,
  computed,
  contentChild,
  inject,
  input,
  signal,
} from '@angular/core';
import { ChartVisibility } from '../../ui/chart-frame/chart-visibility';

/**
 * Renders its `<ng-template>` only once it comes near the visible area, or the page prints,
 * as ChartFrame's `drawWhenSeen` does for a canvas. For the heavy sections far below the first
 * screen (hundreds of table cells for a two-year client): building and laying them out in the
 * same frame as the first charts is what kept those charts waiting. Until then it holds
 * `reserve` of height, about what the content takes, so the page below does not jump when it
 * renders. A template rather than projected content, because projected content is created
 * whether shown or not.
 */
@Component({
  selector: 'app-render-when-seen',
  imports: [NgTemplateOutlet],
  template: `
    @if (show()) {
      <ng-container [ngTemplateOutlet]="content()" />
    }
  `,
  host: { '[style.min-block-size]': 'show() ? null : reserve()' },
  styles: `
    :host {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RenderWhenSeen implements OnInit {
  /** The height to hold until the content renders (a CSS length). */
  readonly reserve = input('0px');

  protected readonly content = contentChild.required(TemplateRef);

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);
  private readonly visibility = inject(ChartVisibility);
  private readonly seen = signal(false);

  protected readonly show = computed(() => this.seen() || this.visibility.printing());

  ngOnInit(): void {
    const stop = this.visibility.observe(this.host.nativeElement, () => this.seen.set(true));
    this.destroyRef.onDestroy(stop);
  }
}
