import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_SIZE, placeWindow, readWindowState, writeWindowState, type Rect } from './window-state'

const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 }
const external: Rect = { x: 1440, y: 0, width: 2560, height: 1440 }

describe('placeWindow', () => {
  it('opens a first window at the default size, centred (no position), within the primary display', () => {
    expect(placeWindow(null, [external])).toEqual({ ...DEFAULT_SIZE, maximized: false })
    expect(placeWindow(null, [{ x: 0, y: 0, width: 1280, height: 720 }])).toEqual({
      width: 1280,
      height: 720,
      maximized: false
    })
  })

  it('puts a saved window back where it was', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1200, height: 800 }, maximized: true }
    expect(placeWindow(saved, [laptop, external])).toEqual({ ...saved.bounds, maximized: true })
  })

  it('centres a window whose display is gone on the primary one, at a size that fits', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 2000, height: 1200 }, maximized: false }
    expect(placeWindow(saved, [laptop])).toEqual({ width: 1440, height: 875, maximized: false })
  })

  it('pulls a window hanging off an edge fully onto the display it mostly covers', () => {
    const saved = { bounds: { x: 1300, y: -50, width: 1000, height: 700 }, maximized: false }
    expect(placeWindow(saved, [laptop, external])).toEqual({
      x: 1440,
      y: 0,
      width: 1000,
      height: 700,
      maximized: false
    })
    const sliver = { bounds: { x: 1400, y: 500, width: 1000, height: 700 }, maximized: false }
    // 40 px on the laptop is not enough to count; it lands on the external display.
    expect(placeWindow(sliver, [laptop, external]).x).toBe(1440)
  })

  it('never opens a window smaller than the minimum unless the display is', () => {
    const saved = { bounds: { x: 10, y: 40, width: 200, height: 100 }, maximized: false }
    expect(placeWindow(saved, [laptop])).toMatchObject({ width: 900, height: 560 })
  })
})

describe('window state file', () => {
  let dir = ''
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('round-trips, and treats a missing or damaged file as none', () => {
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-window-'))
    const file = join(dir, 'sub', 'window-state.json')
    expect(readWindowState(file)).toBeNull()
    const state = { bounds: { x: -1200, y: 10, width: 1000, height: 700 }, maximized: true }
    writeWindowState(file, state)
    expect(readWindowState(file)).toEqual(state)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state)
    writeFileSync(file, '{"bounds":{"x":1,"y":2,"width":"wide","height":3}}')
    expect(readWindowState(file)).toBeNull()
    writeFileSync(file, '{trunc')
    expect(readWindowState(file)).toBeNull()
  })
})
