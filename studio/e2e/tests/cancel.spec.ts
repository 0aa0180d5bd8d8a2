// A long run is cancelled from the run panel: the run and its waiting node end as terminated, at once, and the
// output the run would have produced never arrives.
import { expect, test } from "../src/fixtures.ts"
import { link, node } from "../src/WeftApi.ts"

test("cancels a long run", async ({ editor, api }) => {
  const graph = await api.createGraph({
    name: "Long wait",
    nodes: [
      node("nap", "Wait", { x: 40, y: 60 }, { seconds: 600, data: "too late" }),
      node("result", "AgentOutput", { x: 360, y: 60 }, { name: "result" })
    ],
    links: [link("nap", "data", "result", "value")]
  })
  await editor.open(graph.id, 2)

  await editor.run()
  await expect(editor.node("nap")).toHaveAttribute("data-status", "running")
  await expect(editor.runStatus()).toHaveText("running")
  await expect(editor.runButton()).toBeDisabled()

  await editor.cancelButton().click()
  // The ten-minute wait ends now, not in ten minutes.
  await expect(editor.runStatus()).toHaveText("terminated")
  await expect(editor.node("nap")).toHaveAttribute("data-status", "terminated")
  await expect(editor.node("result")).not.toHaveAttribute("data-status", "completed")
  await expect(editor.cancelButton()).toBeDisabled()
  await expect(editor.runButton()).toBeEnabled()
  await expect(editor.runPanel.getByLabel("Graph outputs", { exact: true })).toHaveCount(0)
  await expect(editor.runPanel).toContainText("No output.")

  const runs = await api.executions(graph.id)
  expect(runs.map((r) => r.status)).toEqual(["TERMINATED"])
})
