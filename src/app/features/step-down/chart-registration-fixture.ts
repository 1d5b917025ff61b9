import { ChartComponentLike, DatasetController, Element, Scale } from 'chart.js';

/**
 * Test helper for the registration specs (not used by production code): "controller:sankey",
 * "element:flow". Ids alone are ambiguous (the bar controller and the bar element are both "bar").
 */
export function kindOf(item: ChartComponentLike): string {
  const id = (item as { id: string }).id;
  const proto = (item as { prototype?: object }).prototype;
  if (proto instanceof DatasetController) return `controller:${id}`;
  // A Scale is also an Element, so it is tested first.
  if (proto instanceof Scale) return `scale:${id}`;
  if (proto instanceof Element) return `element:${id}`;
  return `plugin:${id}`;
}
