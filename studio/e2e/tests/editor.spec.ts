// Building a graph by hand: blocks dragged from the palette, pins connected by dragging, inputs typed into the
// generated forms, then saved and run with the node statuses and outputs arriving live over the WebSocket.
import { join } from "node:path"
import { expect, test } from "../src/fixtures.ts"
import { artifactsDir, screenshotsDir } from "../src/Paths.ts"

test("builds a four-node graph by drag and drop, saves it and runs it live", async ({ editor, api, page }) => {
  await page.emulateMedia({ colorScheme: "light" })
  const graphId = await editor.createGraph("Greeting pipeline")

  // AgentInput → FillTextTemplate → Wait → AgentOutput, each dropped where it should land on the canvas; a
  // dropped node is selected, so its inputs are filled in right away.
  const input = await editor.dropBlock("Agent Input", { x: 30, y: 40 })
  await editor.setInput(input, "Name", "person")
  const template = await editor.dropBlock("Fill Text Template", { x: 260, y: 230 })
  await editor.setInput(template, "Format", "Hello {{ who }}!")
  const wait = await editor.dropBlock("Wait", { x: 470, y: 40 })
  await editor.setInput(wait, "Seconds", "3", "spinbutton")
  const output = await editor.dropBlock("Agent Output", { x: 660, y: 230 })
  await editor.setInput(output, "Name", "greeting")
  expect([input, template, wait, output]).toEqual(["agent-input-1", "fill-text-template-1", "wait-1", "agent-output-1"])

  await editor.connect({ node: input, pin: "result" }, { node: template, pin: "values" })
  await editor.connect({ node: template, pin: "output" }, { node: wait, pin: "data" })
  await editor.connect({ node: wait, pin: "data" }, { node: output, pin: "value" })
  await expect(editor.nodes()).toHaveCount(4)
  // A pin fed by a link is shown as such, not as an editor.
  await expect(editor.form(output).getByRole("textbox", { name: "Value", exact: true })).toBeDisabled()
  await editor.save()

  // What the editor stored is exactly the graph that was drawn.
  const stored = await api.graph(graphId)
  expect(stored.version).toBe(2)
  expect(stored.nodes.map((n) => [n.id, n.block.id])).toEqual([
    [input, "AgentInput"],
    [template, "FillTextTemplate"],
    [wait, "Wait"],
    [output, "AgentOutput"]
  ])
  expect(stored.links.map((l) => `${l.sourceId}.${l.sourceName}->${l.sinkId}.${l.sinkName}`).sort()).toEqual([
    `${input}.result->${template}.values`,
    `${template}.output->${wait}.data`,
    `${wait}.data->${output}.value`
  ])
  expect(stored.nodes.map((n) => n.inputDefault)).toEqual([
    { name: "person" },
    { format: "Hello {{ who }}!" },
    { seconds: 3 },
    { name: "greeting" }
  ])
  await page.screenshot({ path: join(screenshotsDir, "editor.png") })

  // Run it: the run asks for the AgentInput's value; a JSON object is passed as one.
  await editor.run({ person: '{"who": "Ada"}' })
  // Live: the Wait node is seen running after the nodes before it completed, while the run is still going.
  await expect(editor.node(wait)).toHaveAttribute("data-status", "running")
  await expect(editor.node(template)).toHaveAttribute("data-status", "completed")
  await expect(editor.node(output)).not.toHaveAttribute("data-status", "completed")
  await expect(editor.runStatus()).toHaveText("running")
  await expect(editor.nodeOutput(template, "output")).toHaveText("Hello Ada!")

  await expect(editor.runStatus()).toHaveText("completed")
  for (const nodeId of [input, template, wait, output]) {
    await expect(editor.node(nodeId)).toHaveAttribute("data-status", "completed")
  }
  await expect(editor.graphOutput("greeting")).toHaveText(["Hello Ada!"])
  await expect(editor.cancelButton()).toBeDisabled()
  await page.screenshot({ path: join(screenshotsDir, "run.png") })

  const runs = await api.executions(graphId)
  expect(runs.map((r) => r.status)).toEqual(["COMPLETED"])

  // The saved graph comes back as it was drawn after a reload.
  await page.reload()
  await expect(editor.nodes()).toHaveCount(4)
  await expect(editor.edges()).toHaveCount(3)
  await page.screenshot({ path: join(artifactsDir, "editor-reloaded.png") })
})
