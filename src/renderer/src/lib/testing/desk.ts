// A loaded desk over the real service (a temporary case, no stand-in backend), for component tests.
import { writeFile } from 'node:fs/promises'
import { expect, vi } from 'vitest'
import { join } from 'node:path'
import type { ApiMethod, ClaimdeskApi } from '../../../../shared/api'
import { API_METHODS } from '../../../../shared/api-methods'
import type { Briefing, Source } from '../../../../shared/model'
import { testService, type TestService } from '../../../../main/testing/service'
import type { Backend } from '../api'
import { createDesk, deskContext, type Desk } from '../context'

// jsdom has no layout: scrolling is a no-op there, and nothing is ever resized.
if (typeof Element !== 'undefined' && !Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {}
if (typeof Element !== 'undefined' && !Element.prototype.scrollTo) Element.prototype.scrollTo = () => {}
// Every observed element reports one size once: virtual lists then see an 800 px viewport (rows,
// having no offsetParent in jsdom, keep their estimated size).
if (typeof window !== 'undefined' && !window.ResizeObserver) {
  window.ResizeObserver = class {
    constructor(private callback: ResizeObserverCallback) {}
    observe(target: Element): void {
      const contentRect = { width: 400, height: 800, top: 0, left: 0, right: 400, bottom: 800, x: 0, y: 0 }
      queueMicrotask(() =>
        this.callback([{ target, contentRect } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver)
      )
    }
    unobserve(): void {}
    disconnect(): void {}
  }
}
if (typeof Range !== 'undefined' && !Range.prototype.getClientRects) {
  const none = { top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, x: 0, y: 0, toJSON: () => ({}) }
  Range.prototype.getClientRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList
  Range.prototype.getBoundingClientRect = () => none as DOMRect
}

export interface Call {
  method: ApiMethod
  args: unknown[]
}

/** The api, with every call it receives written down (tests check what the UI sent). */
function recorded(api: ClaimdeskApi, calls: Call[]): ClaimdeskApi {
  const out = {} as Record<ApiMethod, (...args: unknown[]) => Promise<unknown>>
  for (const method of API_METHODS) {
    const fn = api[method] as (...a: unknown[]) => Promise<unknown>
    out[method] = (...args) => {
      calls.push({ method, args: structuredClone(args) })
      return fn(...args)
    }
  }
  return out as unknown as ClaimdeskApi
}

export interface DeskSetup {
  /** Documents to import, by file name (".txt" or ".md" text). */
  documents?: Record<string, string | Uint8Array>
  sources?: { name: string; kind?: Source['kind']; reliability?: Source['reliability']; aliases?: string[] }[]
  briefings?: Partial<Omit<Briefing, 'id' | 'createdAt' | 'updatedAt'>>[]
  readOnly?: boolean
  /** The service's clock (a fixed time makes "generated at" and dates predictable). */
  now?: () => Date
}

export interface TestDesk {
  desk: Desk
  /** The api the desk uses (recorded). */
  api: ClaimdeskApi
  /** The same api and file transfer, for rendering a whole App. */
  backend: Backend
  calls: Call[]
  service: TestService
  context: Map<symbol, Desk>
  /** Ids of what the setup made, by file name and source name. */
  documents: Record<string, string>
  sources: Record<string, string>
  dispose(): Promise<void>
}

/** A case built through the real API, then a desk loaded on it. Call dispose() after the test. */
export async function loadedDesk(setup: DeskSetup = {}): Promise<TestDesk> {
  const service = testService(setup.now ? { now: setup.now } : {})
  const { api: raw } = service
  await raw.newCase(join(service.dir, 'case'))
  const documents: Record<string, string> = {}
  for (const [name, text] of Object.entries(setup.documents ?? {})) {
    const { value } = await raw.importFiles([{ path: service.file(name, text) }])
    if (!value[0].documentId) throw new Error(`${name}: ${value[0].message}`)
    documents[name] = value[0].documentId
  }
  const sources: Record<string, string> = {}
  for (const s of setup.sources ?? []) sources[s.name] = (await raw.createSource(s)).value.id
  for (const b of setup.briefings ?? []) await raw.createBriefing(b)
  if (setup.readOnly) {
    const path = (await raw.currentCase()).info.path
    await service.service.close()
    await raw.openCase(path, { readOnly: true })
  }
  await raw.currentCase()
  const calls: Call[] = []
  const api = recorded(raw, calls)
  let uploads = 0
  const backend: Backend = {
    api,
    // As browser mode does: the file's bytes land in a file the backend can read.
    transfer: async (file, name) => {
      const path = join(service.dir, `upload-${++uploads}-${file.name}`)
      await writeFile(path, new Uint8Array(await file.arrayBuffer()))
      return { path, name }
    }
  }
  const desk = createDesk(backend, null)
  await desk.store.load()
  return {
    desk,
    api,
    backend,
    calls,
    service,
    context: deskContext(desk),
    documents,
    sources,
    dispose: () => service.dispose()
  }
}

/**
 * Holds every call of one api method until the test lets it go (then the real call runs), so a
 * test can look at the UI while a call is in flight.
 */
export function holdCalls<M extends ApiMethod>(api: ClaimdeskApi, method: M) {
  const waiting: (() => void)[] = []
  const real = api[method] as (...a: unknown[]) => Promise<unknown>
  let inFlight = 0
  let most = 0
  ;(api as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
    inFlight++
    most = Math.max(most, inFlight)
    await new Promise<void>((go) => waiting.push(go))
    try {
      return await real(...args)
    } finally {
      inFlight--
    }
  }
  return {
    /** How many calls were ever in flight at once. */
    mostAtOnce: () => most,
    /** Waits for a held call and lets the oldest go. */
    async release(): Promise<void> {
      await vi.waitFor(() => expect(waiting.length).toBeGreaterThan(0))
      waiting.shift()!()
    }
  }
}
