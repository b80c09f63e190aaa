/** The Electron executable when one is installed, else null. */
export function findElectron(): string | null
