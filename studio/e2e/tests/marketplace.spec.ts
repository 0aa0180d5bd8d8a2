// A plugin found in the marketplace, installed into the workspace, and its block used in a graph that runs: the
// palette picks the new block up without a page reload, and the run executes it in its sandbox.
import { expect, test } from "../src/fixtures.ts"
import { pluginName, pluginVersion } from "../src/SuitePlugin.ts"

test("installs a plugin from the marketplace and runs its block", async ({ editor, page, api }) => {
  const nav = page.getByRole("navigation", { name: "Main" })
  await page.goto("/graphs")
  // Visit the editor's palette once, so the catalogue is loaded before the install (and must be refreshed).
  await editor.createGraph("Before the install")
  await expect(editor.paletteBlock("Shout")).toHaveCount(0)

  await nav.getByRole("link", { name: "Marketplace" }).click()
  const search = page.getByRole("searchbox", { name: "Search packages" })
  await search.fill("shout")
  await search.press("Enter")
  const packages = page.getByRole("list", { name: "Packages" })
  await expect(packages.getByRole("link")).toHaveText([pluginName])
  await packages.getByRole("link", { name: pluginName }).click()

  await expect(page.getByRole("heading", { level: 1, name: pluginName })).toBeVisible()
  const workspace = page.getByRole("region", { name: "In your workspace" })
  await expect(workspace).toContainText("Not installed.")
  await expect(page.getByRole("list", { name: "Blocks" })).toContainText("Shout")
  await expect(page.getByRole("region", { name: "Readme" })).toContainText("upper-cases its text")
  await page.getByRole("button", { name: `Install ${pluginVersion}` }).click()
  await expect(workspace.getByRole("button", { name: `Uninstall version ${pluginVersion}` })).toBeVisible()
  expect((await api.installs()).map((i) => `${i.package}@${i.version}`)).toEqual([`${pluginName}@${pluginVersion}`])

  // Back in the app (no reload): the palette now offers the plugin's block.
  await nav.getByRole("link", { name: "Graphs" }).click()
  const graphId = await editor.createGraph("Uses a plugin")
  await expect(editor.paletteBlock("Shout")).toBeVisible()
  const input = await editor.dropBlock("Agent Input", { x: 30, y: 40 })
  await editor.setInput(input, "Name", "words")
  const shout = await editor.dropBlock("Shout", { x: 300, y: 60 })
  const output = await editor.dropBlock("Agent Output", { x: 540, y: 40 })
  await editor.setInput(output, "Name", "loud")
  await editor.connect({ node: input, pin: "result" }, { node: shout, pin: "text" })
  await editor.connect({ node: shout, pin: "shouted" }, { node: output, pin: "value" })
  await editor.save()

  const stored = await api.graph(graphId)
  expect(stored.nodes.find((n) => n.id === shout)?.block).toEqual({
    id: "Shout",
    package: pluginName,
    version: pluginVersion
  })

  await editor.run({ words: "hello plugins" })
  await expect(editor.runStatus()).toHaveText("completed", { timeout: 30_000 })
  await expect(editor.node(shout)).toHaveAttribute("data-status", "completed")
  await expect(editor.graphOutput("loud")).toHaveText(["HELLO PLUGINS!"])
})
