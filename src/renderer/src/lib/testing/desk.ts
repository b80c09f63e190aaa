// Builds a loaded desk over the in-memory API for component tests.
import { createDesk, deskContext, type Desk } from '../context'
import { memoryApi } from './memory-api'

// jsdom has no layout: scrolling is a no-op there.
if (typeof Element !== 'undefined' && !Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {}
if (typeof Range !== 'undefined' && !Range.prototype.getClientRects) {
  const none = { top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, x: 0, y: 0, toJSON: () => ({}) }
  Range.prototype.getClientRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList
  Range.prototype.getBoundingClientRect = () => none as DOMRect
}

export async function loadedDesk(
  initial: Parameters<typeof memoryApi>[0] = {}
): Promise<{ desk: Desk; api: ReturnType<typeof memoryApi>; context: Map<symbol, Desk> }> {
  const api = memoryApi(initial)
  const desk = createDesk(api, null)
  await desk.store.load()
  return { desk, api, context: deskContext(desk) }
}
