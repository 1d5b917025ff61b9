import { flowsPalette } from '../flows/flows-chart-palette';
import {
  PLANNED_DASH,
  PLANNED_MOVE_DASH,
  STAY_STYLES,
  TODAY_DASH,
  journeyColours,
  stayStyle,
} from './journey-chart-style';
import {
  JourneyTimelineView,
  PLANNED_DRAWN_DAYS,
  planDirection,
  showsToday,
} from './journey-timeline-view';

/** An HTML legend entry: how a series looks, so it is named without relying on colour. */
export interface JourneyLegendEntry {
  readonly label: string;
  readonly colour: string;
  /** SVG stroke width of the swatch line: thick for stays, thin for lines. */
  readonly width: number;
  readonly dash: readonly number[];
  readonly marker?: 'triangle' | 'rectRot' | 'circle' | 'triangle-down';
}

/** The legend for what this client's timeline actually shows. */
export function journeyLegend(view: JourneyTimelineView, dark = false): JourneyLegendEntry[] {
  const colours = journeyColours(flowsPalette(dark));
  const styles = new Set(view.stays.map((s) => stayStyle(s.began)));
  const entries: JourneyLegendEntry[] = (['stay', 'step-up', 'readmission'] as const)
    .filter((s) => styles.has(s))
    .map((s) => ({
      label: STAY_STYLES[s].label,
      colour: colours[s],
      width: 8,
      dash: [],
      ...(STAY_STYLES[s].marker ? { marker: STAY_STYLES[s].marker as 'triangle' | 'rectRot' } : {}),
    }));
  if (view.moves.length)
    entries.push({ label: 'Move between levels', colour: colours.move, width: 1.5, dash: [] });
  const plan = view.planned;
  if (plan) {
    entries.push(
      {
        label: `Planned stay (first ${PLANNED_DRAWN_DAYS / 7} weeks drawn)`,
        colour: colours.planned,
        width: 8,
        dash: PLANNED_DASH,
      },
      {
        label: 'Planned transition',
        colour: colours.planned,
        width: 2,
        dash: PLANNED_MOVE_DASH,
        marker: planDirection(plan) === 'down' ? 'triangle-down' : 'triangle',
      },
    );
  }
  if (view.measure?.points.length)
    entries.push({
      label: `${view.measure.shortName} score (right axis, severity cut-offs marked)`,
      colour: colours.score,
      width: 2,
      dash: [],
      marker: 'circle',
    });
  if (showsToday(view))
    entries.push({
      label: 'Today (dotted line)',
      colour: colours.today,
      width: 1.5,
      dash: TODAY_DASH,
    });
  return entries;
}
