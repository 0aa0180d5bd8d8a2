// Selecting on the canvas: a plain click selects the clicked node alone, also right after a dropped node was
// selected (the selection once lived both in ngx-vflow and in the editor, and their late echoes could leave the
// dropped node selected too); Ctrl/Cmd- and Shift-clicks add, a click on the empty canvas clears, a click on a
// link selects it and a Shift-drag box selects what it covers.
import { expect, test } from "../src/fixtures.ts"

test("a click selects only the clicked node, even right after a drop; modifier clicks, links and boxes select", async ({
  editor,
  page
}) => {
  await editor.createGraph("Selecting")
  const summary = editor.details.getByText(/nodes and \d+ links selected/)
  // Every state the side panel goes through while only plain clicks are made is watched: it must never show a
  // multiple selection, not even for a moment.
  await page.evaluate(() => {
    const details = document.querySelector("aside[aria-label='Details']")
    if (details === null) throw new Error("no details panel")
    new MutationObserver(() => {
      if (details.textContent?.includes("links selected") === true)
        document.body.setAttribute("data-e2e-multiple", "seen")
    }).observe(details, { subtree: true, childList: true, characterData: true })
  })

  const input = await editor.dropBlock("Agent Input", { x: 30, y: 40 })
  const wait = await editor.dropBlock("Wait", { x: 330, y: 60 })
  await editor.node(input).click()
  await expect(editor.form(input)).toBeVisible()
  const output = await editor.dropBlock("Agent Output", { x: 620, y: 320 })
  await editor.node(wait).click()
  await expect(editor.form(wait)).toBeVisible()
  for (const nodeId of [input, output, wait, input]) {
    await editor.node(nodeId).click()
    await expect(editor.form(nodeId)).toBeVisible()
  }
  await editor.setInput(input, "Name", "topic")
  await expect(editor.form(input)).toBeVisible()
  await expect(summary).toHaveCount(0)
  await expect(page.locator("body")).not.toHaveAttribute("data-e2e-multiple", "seen")

  // Modifier clicks add to the selection; a click on the empty canvas clears it.
  await editor.node(wait).click({ modifiers: ["ControlOrMeta"] })
  await expect(summary).toHaveText("2 nodes and 0 links selected.")
  await editor.node(output).click({ modifiers: ["Shift"] })
  await expect(summary).toHaveText("3 nodes and 0 links selected.")
  await editor.node(wait).click()
  await expect(editor.form(wait)).toBeVisible()
  await editor.canvas.click({ position: { x: 500, y: 620 } })
  await expect(editor.details.getByText("Select a node to see its inputs.")).toBeVisible()

  // A click on a link selects the link alone (ngx-vflow selects it; the editor takes that over).
  await editor.connect({ node: input, pin: "result" }, { node: output, pin: "value" })
  await editor.node(input).click()
  await expect(editor.form(input)).toBeVisible()
  await editor.canvas.locator("path.interactive-edge").click()
  await expect(summary).toHaveText("0 nodes and 1 links selected.")

  // A Shift-drag box over the first two nodes selects them and the link leaving the box.
  const canvas = await editor.canvas.boundingBox()
  if (canvas === null) throw new Error("the canvas is not on screen")
  await page.keyboard.down("Shift")
  await page.mouse.move(canvas.x + 10, canvas.y + 10)
  await page.mouse.down()
  await page.mouse.move(canvas.x + 300, canvas.y + 120, { steps: 6 })
  await page.mouse.move(canvas.x + 560, canvas.y + 220, { steps: 6 })
  await page.mouse.up()
  await page.keyboard.up("Shift")
  await expect(summary).toHaveText("2 nodes and 1 links selected.")
})
