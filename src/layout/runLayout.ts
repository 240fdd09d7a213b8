/**
 * Runs the auto layout for the page. For now on the calling thread; large maps move to a worker.
 */
import type { AssetMapDoc } from '../model';
import { type LayoutOptions, type LayoutResult, layoutMap } from './layoutMap';

export async function runLayout(doc: AssetMapDoc, options: LayoutOptions): Promise<LayoutResult> {
  return layoutMap(doc, options);
}
