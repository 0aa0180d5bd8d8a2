// Nodes that grow while they run (the status appears in the title, which wraps until ngx-vflow has widened the
// node, and the values yielded appear below the pins) keep every pin's handle level with the pin's label, where
// links are drawn from and drags must start. ngx-vflow alone re-reads pin offsets at most once per 16 ms, so a
// node whose last growth step came sooner than that after the previous one kept its handles a text line below
// its pins.
import { uncappedFrames } from "../src/Chromium.ts"
import { expect, test } from "../src/fixtures.ts"
import { link, node } from "../src/WeftApi.ts"

// Frames as fast as the page changes: each node's growth steps then come well within ngx-vflow's 16 ms.
test.use({ launchOptions: uncappedFrames })

const pairs = [0, 1, 2, 3, 4, 5].map((i) => ({
  wait: `wait-${i}`,
  template: `fill-${i}`,
  at: { x: 20 + (i % 2) * 430, y: 20 + Math.floor(i / 2) * 230 }
}))

test("keeps pin handles level with their labels while nodes grow during a run", async ({ editor, api }) => {
  const graph = await api.createGraph({
    name: "Growing nodes",
    nodes: pairs.flatMap(({ wait, template, at }, i) => [
      node(wait, "Wait", at, { seconds: 0.15 * i, data: { who: "Ada" } }),
      node(template, "FillTextTemplate", { x: at.x + 200, y: at.y + 20 }, { format: "Hi {{ who }}" })
    ]),
    links: pairs.map(({ wait, template }) => link(wait, "data", template, "values"))
  })
  await editor.open(graph.id, graph.nodes.length)
  // The pin farthest from its handle, in px, over every node (ngx-vflow draws handles a frame after the layout).
  const worstDrift = async () => {
    const drifts = await Promise.all(graph.nodes.map((n) => editor.handleDrift(n.id)))
    return Math.max(...drifts.flatMap((d) => Object.values(d)))
  }
  await expect.poll(worstDrift).toBeLessThan(2)

  await editor.run()
  await expect(editor.runStatus()).toHaveText("completed")
  for (const { template } of pairs) {
    await expect(editor.node(template)).toHaveAttribute("data-status", "completed")
    await expect(editor.node(template).locator(".node-outputs")).toContainText("Hi Ada")
  }
  await expect.poll(worstDrift).toBeLessThan(2)
})
