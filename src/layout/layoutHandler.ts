/**
 * The layout worker's side of a request: unpack, lay out, pack. Its own module, apart from the messages, so that
 * the page (which only packs requests and unpacks replies) does not load the layout engines.
 */
import { layoutMap } from './layoutMap';
import { type LayoutReply, type LayoutRequest, packResult, unpackInput } from './layoutMessages';

/** One request, one reply; never throws (an error goes back as a reply). */
export function handleLayoutRequest(request: LayoutRequest): LayoutReply {
  try {
    const { doc, options } = unpackInput(request.input);
    return { id: request.id, result: packResult(layoutMap(doc, options)) };
  } catch (e) {
    return { id: request.id, error: e instanceof Error ? e.message : String(e) };
  }
}
