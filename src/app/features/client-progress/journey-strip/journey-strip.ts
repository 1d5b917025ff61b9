import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { format, parseISO } from 'date-fns';
import { compareLevels } from '../../../domain/levels/level-of-care';
import { CalendarDay, LevelOfCare } from '../../../domain/models';
import { JourneyStayView, JourneyView, TransitionMarker } from '../progress-view-model';

const day = (d: CalendarDay) => format(parseISO(d), 'd MMM yyyy');

/** The arrow only repeats the words beside it, so it is hidden from screen readers. */
function arrow(from: LevelOfCare | undefined, to: LevelOfCare): string {
  if (!from) return '';
  const order = compareLevels(to, from);
  return order < 0 ? '↓' : order > 0 ? '↑' : '→';
}

interface StayRow {
  readonly stay: JourneyStayView;
  readonly from: string;
  /** Undefined while the stay goes on ("to today"). */
  readonly to?: string;
  /** The moves that led into this stay (admission, step, readmission), oldest first. */
  readonly into: readonly (TransitionMarker & { readonly arrow: string })[];
}

/**
 * The client's stays across levels of care as an ordered list, drawn as a proportional strip.
 * A list rather than a chart so each stay reads as one sentence and prints without a canvas.
 */
@Component({
  selector: 'app-journey-strip',
  templateUrl: './journey-strip.html',
  styleUrl: './journey-strip.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JourneyStrip {
  readonly journey = input.required<JourneyView>();
  readonly today = input.required<CalendarDay>();

  protected readonly todayLabel = computed(() => day(this.today()));

  protected readonly rows = computed((): StayRow[] => {
    const { stays, transitions } = this.journey();
    const moves = transitions.filter((t) => t.kind !== 'planned');
    return stays.map((stay, i) => {
      const previous = stays[i - 1];
      // A marker belongs to the first stay that starts on or after it: a discharge is dated the
      // day after a stay ends, so it lands before the readmission that follows.
      const into = moves
        .filter((t) => t.day <= stay.from && (!previous || t.day > previous.from))
        .map((t) => ({
          ...t,
          arrow:
            t.kind === 'admission' || t.kind === 'discharge'
              ? ''
              : arrow(previous?.level, stay.level),
        }));
      return {
        stay,
        from: day(stay.from),
        ...(stay.to ? { to: day(stay.to) } : {}),
        into,
      };
    });
  });

  /** Markers after the last stay began: a final discharge. */
  protected readonly after = computed(() => {
    const { stays, transitions } = this.journey();
    const last = stays.at(-1);
    return transitions
      .filter((t) => t.kind !== 'planned' && (!last || t.day > last.from))
      .map((t) => ({ ...t, date: day(t.day) }));
  });

  protected readonly planned = computed(() => {
    const { planned, stays } = this.journey();
    if (!planned) return undefined;
    const from = stays.find((s) => s.current)?.level ?? stays.at(-1)?.level;
    return {
      ...planned,
      arrow: arrow(from, planned.targetLevel),
      date: day(planned.day),
      // A planned date in the past means the plan was neither carried out nor updated.
      passed: planned.day < this.today(),
    };
  });
}
