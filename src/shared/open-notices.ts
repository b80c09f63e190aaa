// What opening a case tells the user beyond the case itself: changes recovered after a crash, and a
// write a crash cut short. Said the same way by the app and the CLI.

export const recoveredMessage = (changes: number): string =>
  `Recovered ${changes} unsaved change${changes === 1 ? '' : 's'} after an unclean shutdown.`

/** `shown`: how many of the lines to give (the app's notice names a few; the CLI all it was given). */
export const brokenReferencesMessage = (lines: readonly string[], shown = lines.length): string =>
  `This case file names things it does not hold (it was edited by hand, or damaged): ${lines.slice(0, shown).join('; ')}` +
  `${lines.length > shown ? `; and more (“claimdesk list --case …” names up to ${MAX_BROKEN_REFERENCES})` : ''}. ` +
  'Claimdesk opened it as it is and has changed none of them; if this is not what you expect, restore an earlier copy ' +
  'from its backups folder beside it (<name>.claimdesk-backups).'

/** The most broken references opening a case names, one line each. */
export const MAX_BROKEN_REFERENCES = 20

export const tornWriteMessage = (bytes: number): string =>
  `A write in progress when Claimdesk last stopped was cut short (${bytes} byte${bytes === 1 ? '' : 's'}) and dropped. ` +
  'It had not been reported saved: every change that was reported saved is in the case.'
