import { describe, expect, it } from 'vitest'
import { caseFromArgv } from './launch-args'

describe('caseFromArgv', () => {
  it('takes --case in either spelling, resolved against the working folder', () => {
    expect(caseFromArgv(['claimdesk', '--case', 'work.claimdesk.json'], '/home/a')).toBe('/home/a/work.claimdesk.json')
    expect(caseFromArgv(['claimdesk', '--case=/cases/x.claimdesk.json'], '/home/a')).toBe('/cases/x.claimdesk.json')
    // --case wins over a loose file, as the user typed it.
    expect(caseFromArgv(['claimdesk', 'a.claimdesk.json', '--case', 'b'], '/w')).toBe('/w/b')
  })

  it('takes a double-clicked case file, ignoring Chromium switches and the app folder in development', () => {
    expect(caseFromArgv(['/opt/Claimdesk/claimdesk', '--no-sandbox', '/home/a/Notes/Ops.Claimdesk.JSON'], '/')).toBe(
      '/home/a/Notes/Ops.Claimdesk.JSON'
    )
    expect(caseFromArgv(['electron', '.', 'rel/x.claimdesk.json'], '/proj')).toBe('/proj/rel/x.claimdesk.json')
  })

  it('takes the file:// URL a Linux desktop passes for %U', () => {
    expect(caseFromArgv(['claimdesk', 'file:///home/a/My%20Cases/Ops.claimdesk.json'], '/')).toBe(
      '/home/a/My Cases/Ops.claimdesk.json'
    )
    expect(caseFromArgv(['claimdesk', 'file://remote-host/x.claimdesk.json'], '/')).toBeNull()
  })

  it('finds none in a plain launch or among other files', () => {
    expect(caseFromArgv(['claimdesk'], '/')).toBeNull()
    expect(caseFromArgv(['electron', '.'], '/')).toBeNull()
    expect(caseFromArgv(['claimdesk', 'notes.json', '--case'], '/')).toBeNull()
    expect(caseFromArgv(['claimdesk', '--flag=x.claimdesk.json'], '/')).toBeNull()
  })
})
