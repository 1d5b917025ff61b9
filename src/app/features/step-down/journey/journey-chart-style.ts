import { PointStyle } from 'chart.js';
import { FlowsPalette } from '../flows/flows-chart-palette';
import { StayStart } from './journey-timeline-view';

/*
 * How the journey timeline's marks look, shared by the chart and its HTML legend so the two
 * cannot disagree: colour, width, dash and marker shape.
 */

/** Pixels: thick enough to read as a bar in a lane, thin enough to leave room between lanes. */
export const STAY_WIDTH = 14;
/** Dash of the planned stay and the planned move: the non-colour mark of what has not happened. */
export const PLANNED_DASH: readonly number[] = [8, 5];
export const PLANNED_MOVE_DASH: readonly number[] = [4, 3];
/** Dotted: today's line is a reference, not an event, and must not read as a move. */
export const TODAY_DASH: readonly number[] = [2, 3];

export type StayStyle = 'stay' | 'step-up' | 'readmission';

/** Step-ups and readmissions differ from other stays by colour and by a marker at their start. */
export const STAY_STYLES: Readonly<
  Record<StayStyle, { readonly label: string; readonly marker?: PointStyle }>
> = {
  stay: { label: 'Stay at a level' },
  'step-up': { label: 'Stay after a step-up', marker: 'triangle' },
  readmission: { label: 'Stay after a readmission', marker: 'rectRot' },
};

export function stayStyle(began: StayStart): StayStyle {
  return began === 'step-up' || began === 'readmission' ? began : 'stay';
}

export type JourneyMark = StayStyle | 'planned' | 'move' | 'score' | 'today';

/** The flows palette's move colours, already checked for contrast in both themes. */
export function journeyColours(palette: FlowsPalette): Readonly<Record<JourneyMark, string>> {
  return {
    stay: palette.kinds['step-down'],
    'step-up': palette.kinds['step-up'],
    readmission: palette.kinds.readmission,
    planned: palette.kinds.lateral,
    move: palette.axis,
    score: palette.median,
    today: palette.text,
  };
}
