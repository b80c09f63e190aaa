// Light, dark, or whatever the system prefers (remembered). The resolved theme is written to
// <html data-theme> and the source colours to CSS variables there; styles.css does the rest.
import { paletteVariables, type ThemeName } from './palette'

export type ThemeChoice = ThemeName | 'system'
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark']

const KEY = 'claimdesk-theme'

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>

export class Theme {
  choice = $state<ThemeChoice>('system')
  /** What the system prefers (prefers-color-scheme), followed while it changes. */
  systemDark = $state(false)
  resolved = $derived<ThemeName>(this.choice === 'system' ? (this.systemDark ? 'dark' : 'light') : this.choice)

  constructor(
    private storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage,
    media: MediaQueryList | null = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null
  ) {
    const saved = storage?.getItem(KEY)
    if (saved && (THEME_CHOICES as string[]).includes(saved)) this.choice = saved as ThemeChoice
    if (media) {
      this.systemDark = media.matches
      media.addEventListener?.('change', (e) => (this.systemDark = e.matches))
    }
  }

  set(choice: ThemeChoice): void {
    this.choice = choice
    this.storage?.setItem(KEY, choice)
  }

  /** The next choice in system → light → dark order (one key to cycle). */
  cycle(): void {
    this.set(THEME_CHOICES[(THEME_CHOICES.indexOf(this.choice) + 1) % THEME_CHOICES.length])
  }

  /** Writes the resolved theme onto `root` (the <html> element). */
  apply(root: HTMLElement): void {
    const theme = this.resolved
    root.dataset.theme = theme
    for (const [name, value] of Object.entries(paletteVariables(theme))) root.style.setProperty(name, value)
  }
}
