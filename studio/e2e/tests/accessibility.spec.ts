// The editor without a pointer: canvas nodes and pins have accessible names, a node is selected from the
// keyboard, and Connect… in its panel makes the links a drag would, offering only compatible outputs (the
// refused ones listed with the reason). The editor's notices are a status of their own, named apart from the
// run's status, and the run's output lists are named regions.
import { expect, test } from "../src/fixtures.ts"
import { link, node } from "../src/WeftApi.ts"

test("names nodes and pins, and links pins from the keyboard with Connect…", async ({ editor, api, page }) => {
  const graph = await api.createGraph({
    name: "Keyboard links",
    nodes: [
      node("text", "FillTextTemplate", { x: 40, y: 60 }, { format: "42" }),
      node("calc", "Calculator", { x: 360, y: 40 }),
      node("delay", "Wait", { x: 360, y: 300 }, { seconds: 0 }),
      node("result", "AgentOutput", { x: 640, y: 300 }, { name: "answer" })
    ],
    links: [link("delay", "data", "result", "value")]
  })
  await editor.open(graph.id, 4)
  const text = editor.canvas.getByRole("group", { name: "Fill Text Template text", exact: true })
  await expect(text).toBeVisible()
  const outputs = text.getByRole("list", { name: "Output pins of text", exact: true })
  await expect(outputs.getByRole("listitem")).toHaveCount(2)
  await expect(outputs.getByRole("listitem").nth(0)).toHaveAccessibleName("output output of text")
  await expect(outputs.getByRole("listitem").nth(1)).toHaveAccessibleName("output error of text")
  await expect(editor.pin("calc", "in", "a")).toHaveText("a")

  // Select the Wait node from the keyboard (its title button), open Connect… and link the text into its data.
  await editor.canvas.getByRole("button", { name: "Select Wait delay", exact: true }).focus()
  await page.keyboard.press("Enter")
  const form = editor.form("delay")
  await expect(form).toBeVisible()
  const connect = form.getByRole("button", { name: "Connect…" })
  await connect.focus()
  await page.keyboard.press("Enter")
  const panel = form.getByRole("form", { name: "Connect an input of delay" })
  await expect(panel.getByRole("combobox", { name: "Input to connect" }).locator("option")).toHaveText([
    "seconds",
    "data"
  ])
  await panel.getByRole("combobox", { name: "Input to connect" }).selectOption("data")
  await panel.getByRole("combobox", { name: "Connect from" }).selectOption({ label: "text · output" })
  await panel.getByRole("button", { name: "Add link" }).press("Enter")
  await expect(editor.notice).toHaveText("Linked text.output to delay.data")
  await expect(editor.edges()).toHaveCount(2)
  await expect(form.getByRole("textbox", { name: "Data", exact: true })).toBeDisabled()

  // Select the Calculator with Space: a text output is refused for its number input, with the reason.
  await editor.canvas.getByRole("button", { name: "Select Calculator calc", exact: true }).focus()
  await page.keyboard.press("Space")
  await editor.form("calc").getByRole("button", { name: "Connect…" }).press("Enter")
  const calcPanel = editor.form("calc").getByRole("form", { name: "Connect an input of calc" })
  await calcPanel.getByRole("combobox", { name: "Input to connect" }).selectOption("a")
  const sources = calcPanel.getByRole("combobox", { name: "Connect from" })
  const refused = sources.getByRole("option", { name: /^text · output/ })
  await expect(refused).toBeDisabled()
  await expect(refused).toHaveText("text · output: string output cannot feed a number input")
  await expect(sources.getByRole("option", { name: "delay · data", exact: true })).toBeEnabled()
  await expect(calcPanel.getByRole("button", { name: "Add link" })).toBeDisabled()

  await editor.save()
  const stored = await api.graph(graph.id)
  expect(stored.links.map((l) => `${l.sourceId}.${l.sourceName}->${l.sinkId}.${l.sinkName}`).sort()).toEqual([
    "delay.data->result.value",
    "text.output->delay.data"
  ])

  // The run's status and the editor's notices are two statuses, told apart by name; the outputs are named lists.
  await editor.run()
  await expect(editor.runStatus()).toHaveText("completed")
  await expect(editor.notice).toHaveText(/^Saved as version \d+$/)
  await expect(page.getByRole("status")).toHaveCount(2)
  await expect(editor.graphOutput("answer")).toHaveText(["42"])
  // Once the run ended, the node outputs are folded away: unfold them to read them.
  await editor.runPanel.getByText("Node outputs", { exact: true }).click()
  await expect(editor.nodeOutput("text", "output")).toHaveText("42")
})
