/// <reference types="vite/client" />
import type { ClaimdeskBridge } from '../../shared/bridge'

declare global {
  interface Window {
    /** Present only in the desktop app (exposed by the preload). */
    claimdesk?: ClaimdeskBridge
  }
}
