// The editor checks pin types while connecting: a link from a text output to a number input is refused and the
// user is told why, while the same gesture onto a compatible pin makes the link.
import { expect, test } from "../src/fixtures.ts"
import { link, node } from "../src/WeftApi.ts"

test("refuses a link between pins of different types and says why", async ({ editor, api }) => {
  const graph = await api.createGraph({
    name: "Pin types",
    nodes: [
      node("text", "FillTextTemplate", { x: 40, y: 60 }, { format: "42" }),
      node("calc", "Calculator", { x: 360, y: 40 }),
      node("delay", "Wait", { x: 360, y: 300 }, { seconds: 0 })
    ],
    links: []
  })
  await editor.open(graph.id, 3)

  // Text into a number: refused, with the reason, and no link drawn.
  const refused = await editor.dragPin({ node: "text", pin: "output" }, { node: "calc", pin: "a" })
  await refused.release()
  await expect(editor.notice).toHaveText("Link refused: string output cannot feed a number input")
  await expect(editor.edges()).toHaveCount(0)
  await expect(editor.saveButton).toBeDisabled()

  // The same drag onto a pin that takes anything: linked, and the refusal notice is gone.
  await editor.connect({ node: "text", pin: "output" }, { node: "delay", pin: "data" })
  await expect(editor.notice).toHaveText("")
  await editor.save()

  const stored = await api.graph(graph.id)
  expect(stored.links).toEqual([expect.objectContaining({ ...link("text", "output", "delay", "data") })])
})
