/**
 * Dark or light theme: the choice is a `data-theme` attribute on <html> (the colours are CSS variables in
 * styles.css) and is remembered in localStorage; without a choice the system preference decides.
 */
import { DOCUMENT, effect, Injectable, inject, signal } from "@angular/core"

export type Theme = "dark" | "light"
export const themeStorageKey = "weft.theme"

const storedTheme = (): Theme | null => {
  try {
    const value = globalThis.localStorage?.getItem(themeStorageKey)
    return value === "dark" || value === "light" ? value : null
  } catch {
    return null
  }
}

const systemTheme = (): Theme =>
  globalThis.matchMedia?.("(prefers-color-scheme: light)").matches === true ? "light" : "dark"

@Injectable({ providedIn: "root" })
export class ThemeStore {
  private readonly document = inject(DOCUMENT)
  private readonly themeState = signal<Theme>(storedTheme() ?? systemTheme())
  readonly theme = this.themeState.asReadonly()

  constructor() {
    effect(() => this.document.documentElement.setAttribute("data-theme", this.themeState()))
  }

  toggle(): void {
    const next: Theme = this.themeState() === "dark" ? "light" : "dark"
    this.themeState.set(next)
    try {
      globalThis.localStorage?.setItem(themeStorageKey, next)
    } catch {
      // Storage unavailable: the choice lasts for this page only.
    }
  }
}
