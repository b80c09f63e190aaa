// What opening a case tells the user beyond the case itself: changes recovered after a crash, and a
// write a crash cut short. Said the same way by the app and the CLI.

export const recoveredMessage = (changes: number): string =>
  `Recovered ${changes} unsaved change${changes === 1 ? '' : 's'} after an unclean shutdown.`

export const tornWriteMessage = (bytes: number): string =>
  `A write in progress when Claimdesk last stopped was cut short (${bytes} byte${bytes === 1 ? '' : 's'}) and dropped. ` +
  'It had not been reported saved: every change that was reported saved is in the case.'
