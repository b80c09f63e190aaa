import { describe, expect, it } from 'vitest'
import { CaseRequests } from './case-requests'

describe('CaseRequests', () => {
  it('keeps the newest request from before start-up as the starting case', () => {
    const requests = new CaseRequests()
    requests.request('/a.claimdesk.json')
    requests.request('/b.claimdesk.json')
    expect(requests.take()).toBe('/b.claimdesk.json')
    expect(requests.take()).toBeNull()
  })

  it('delivers a request made while the app was starting once it is ready, then each at once', () => {
    const requests = new CaseRequests()
    expect(requests.take()).toBeNull()
    requests.request('/during-start.claimdesk.json')
    const delivered: string[] = []
    requests.ready((p) => delivered.push(p))
    expect(delivered).toEqual(['/during-start.claimdesk.json'])
    requests.request('/a.claimdesk.json')
    requests.request('/b.claimdesk.json')
    expect(delivered).toEqual(['/during-start.claimdesk.json', '/a.claimdesk.json', '/b.claimdesk.json'])
  })
})
