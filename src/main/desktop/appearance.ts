/**
 * The window's background before the page paints, matching the UI's light or dark theme (both
 * follow the OS: nativeTheme in main, prefers-color-scheme in the page), so nothing flashes white.
 */
export function windowBackground(dark: boolean): string {
  return dark ? '#1c1d1f' : '#f6f6f4'
}
