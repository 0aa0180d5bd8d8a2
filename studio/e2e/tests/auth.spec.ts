// Signing in with the token weft dev prints, staying signed in across a reload, and signing out.
import { expect, test, tokenStorageKey } from "../src/fixtures.ts"

test("signs in with the printed token, survives a reload and signs out", async ({ page, weft }) => {
  await page.goto("/")
  // No session: every page sends the visitor to the sign-in form.
  await expect(page).toHaveURL(/\/sign-in$/)
  const token = page.getByLabel("Access token")
  const signIn = page.getByRole("button", { name: "Sign in" })
  await expect(signIn).toBeDisabled()

  // A token the gateway does not accept is refused with the reason, and not kept.
  await token.fill("not-a-valid-token")
  await signIn.click()
  await expect(page.getByRole("alert")).toBeVisible()
  await expect(page).toHaveURL(/\/sign-in$/)
  expect(await page.evaluate((key) => localStorage.getItem(key), tokenStorageKey)).toBeNull()

  await token.fill(weft.token)
  await signIn.click()
  await expect(page).toHaveURL(/\/graphs$/)
  await expect(page.getByRole("heading", { name: "Graphs" })).toBeVisible()
  await expect(page.getByRole("banner")).toContainText("Local admin")

  // The session lives in localStorage: a reload keeps it and names the user again (GET /me).
  await page.reload()
  await expect(page).toHaveURL(/\/graphs$/)
  await expect(page.getByRole("heading", { name: "Graphs" })).toBeVisible()
  await expect(page.getByRole("banner")).toContainText("Local admin")

  await page.getByRole("button", { name: "Sign out" }).click()
  await expect(page).toHaveURL(/\/sign-in$/)
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0)
  expect(await page.evaluate((key) => localStorage.getItem(key), tokenStorageKey)).toBeNull()
  // Signed out for good: the graph list is out of reach, after a reload too.
  await page.goto("/graphs")
  await expect(page).toHaveURL(/\/sign-in$/)
})

test("offers the local admin a one-click sign-in under weft dev on this machine", async ({ page }) => {
  await page.goto("/sign-in")
  const local = page.getByRole("region", { name: "Local sign-in" })
  await local.getByRole("button", { name: "Continue as Local admin" }).click()
  await expect(page).toHaveURL(/\/graphs$/)
  await expect(page.getByRole("heading", { name: "Graphs" })).toBeVisible()
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible()
})
