// Claims following a new version of their document: re-anchoring, accepting new wording, re-attaching.
import type { ApiHandlers } from '../../shared/api'
import { acceptAnchor, reanchorDocument, reattachClaim } from '../rules/anchors'
import type { Session } from './session'

type AnchorHandlers = Pick<ApiHandlers, 'reanchorDocument' | 'acceptAnchor' | 'reattachClaim'>

export function anchorHandlers(s: Session): AnchorHandlers {
  return {
    reanchorDocument: (fromId, toId) => s.commit((state, ctx) => reanchorDocument(state, fromId, toId, ctx)),
    acceptAnchor: (id) => s.commit((state, ctx) => acceptAnchor(state, id, ctx)),
    reattachClaim: (id, start, end) => s.commit((state, ctx) => reattachClaim(state, id, start, end, ctx))
  }
}
