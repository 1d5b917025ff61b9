import { ITEM_LABELS, SAFETY_ITEMS } from '../../domain/instruments/item-labels';
import { MeasureSeries } from '../../domain/progress/measure-series';
import { ItemGridView } from './progress-view-model';

/** Item-by-item grids for the instruments Waypoint labels items for (PHQ-9, GAD-7). */
export function itemGrids(series: readonly MeasureSeries[]): ItemGridView[] {
  const grids: ItemGridView[] = [];
  for (const s of series) {
    const labels = ITEM_LABELS[s.instrument.id];
    if (!labels) continue;
    const withItems = s.points.filter((p) => p.record.items && Object.keys(p.record.items).length);
    if (withItems.length === 0) continue;
    const ids = Object.keys(labels);
    const safety = SAFETY_ITEMS[s.instrument.id] ?? [];
    grids.push({
      instrumentId: s.instrument.id,
      shortName: s.instrument.shortName,
      items: ids.map((id) => ({ id, label: `${id}. ${labels[id]}`, safety: safety.includes(id) })),
      columns: withItems.map((p) => ({ id: p.record.id, day: p.day })),
      cells: ids.map((id) => withItems.map((p) => p.record.items?.[id])),
      itemMax: s.instrument.itemRange?.max ?? 3,
    });
  }
  return grids;
}
