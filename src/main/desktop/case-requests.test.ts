import { describe, expect, it } from 'vitest'
import { CaseRequests } from './case-requests'

describe('CaseRequests', () => {
  it('keeps the newest request from before start-up as the starting case', () => {
    const requests = new CaseRequests()
    requests.request('/a.claimdesk.json')
    requests.request('/b.claimdesk.json')
    const delivered: string[] = []
    expect(requests.ready((p) => delivered.push(p))).toBe('/b.claimdesk.json')
    expect(delivered).toEqual([])
  })

  it('delivers later requests at once, in order', () => {
    const requests = new CaseRequests()
    const delivered: string[] = []
    expect(requests.ready((p) => delivered.push(p))).toBeNull()
    requests.request('/a.claimdesk.json')
    requests.request('/b.claimdesk.json')
    expect(delivered).toEqual(['/a.claimdesk.json', '/b.claimdesk.json'])
  })
})
