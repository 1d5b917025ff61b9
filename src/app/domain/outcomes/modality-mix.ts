import { Modality } from '../models';
import { OutcomeEpisode } from './outcome-episode';
import { GroupKey } from './outcome-groups';

export type ModalityMix = Modality | 'mixed';

/** Share of attended hours one modality needs for the episode to be grouped under it. */
export const MODALITY_MIX_SHARE = 0.5;

/**
 * The episode's modality mix: the modality with at least half (`share`) of its attended hours,
 * else `mixed`; undefined with no attended hours (nothing to classify). Two modalities at
 * exactly half each are `mixed`: neither dominates. By hours, as the dose is measured, so long
 * group sessions (a 3-hour skills group) weigh more than a 50-minute individual session.
 */
export function modalityMix(
  row: OutcomeEpisode,
  share: number = MODALITY_MIX_SHARE,
): ModalityMix | undefined {
  const hours = row.attendedHoursByModality ?? {};
  let total = 0;
  for (const h of Object.values(hours)) total += h;
  if (!(total > 0)) return undefined;
  const dominant = (Object.entries(hours) as [Modality, number][]).filter(
    ([, h]) => h / total >= share,
  );
  return dominant.length === 1 ? dominant[0][0] : 'mixed';
}

/** Groups episodes by `modalityMix` (for `groupRows`, `breakdownRows`). */
export const byModalityMix: GroupKey = (row) => modalityMix(row);
