// Claims dragged between panes (claims panel -> a judgment; within the reporting list). A private
// MIME type, so a claim dropped on a text field or outside the app carries nothing surprising.

export const CLAIM_MIME = 'application/x-claimdesk-claim'

export interface ClaimDrag {
  claimId: string
  /** The reporting group it was dragged from, when reordering. */
  group?: string
}

export function startClaimDrag(e: DragEvent, drag: ClaimDrag): void {
  if (!e.dataTransfer) return
  e.dataTransfer.setData(CLAIM_MIME, JSON.stringify(drag))
  e.dataTransfer.effectAllowed = drag.group ? 'move' : 'copyMove'
}

/** Whether a drag carries a claim (its data is readable only on drop). */
export function carriesClaim(e: DragEvent): boolean {
  return !!e.dataTransfer && [...e.dataTransfer.types].includes(CLAIM_MIME)
}

export function droppedClaim(e: DragEvent): ClaimDrag | null {
  const raw = e.dataTransfer?.getData(CLAIM_MIME)
  if (!raw) return null
  try {
    const value = JSON.parse(raw) as unknown
    if (typeof value !== 'object' || value === null) return null
    const { claimId, group } = value as Record<string, unknown>
    if (typeof claimId !== 'string' || claimId === '') return null
    return typeof group === 'string' ? { claimId, group } : { claimId }
  } catch {
    return null
  }
}
