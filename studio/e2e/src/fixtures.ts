/**
 * The suite's `test`: every test gets the shared weft dev (URL and token, from the global setup), `baseURL`
 * pointing at it, a `WeftApi` and, for tests that start signed in, an `editor` on a page whose session already
 * holds the token (as after a sign-in: the studio keeps it in localStorage).
 */
import { test as base } from "@playwright/test"
import { EditorPage } from "./EditorPage.ts"
import { WeftApi } from "./WeftApi.ts"

export interface WeftDev {
  readonly url: string
  readonly token: string
}

/** The studio's localStorage key for the session token (studio/src/app/auth/session-store.ts). */
export const tokenStorageKey = "weft.token"

export const test = base.extend<{ api: WeftApi; editor: EditorPage }, { weft: WeftDev }>({
  weft: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const url = process.env.WEFT_E2E_URL
      const token = process.env.WEFT_E2E_TOKEN
      if (url === undefined || token === undefined) throw new Error("no weft dev: the global setup did not run")
      await use({ url, token })
    },
    { scope: "worker" }
  ],
  baseURL: async ({ weft }, use) => {
    await use(weft.url)
  },
  api: async ({ weft }, use) => {
    await use(new WeftApi(weft.url, weft.token))
  },
  editor: async ({ page, weft }, use) => {
    await page.addInitScript(([key, token]) => localStorage.setItem(key, token), [tokenStorageKey, weft.token] as const)
    await use(new EditorPage(page))
  }
})

export { expect } from "@playwright/test"
