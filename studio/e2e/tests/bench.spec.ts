// @bench: not a test (it asserts nothing about time). `npm run bench -w studio/e2e` (WEFT_E2E_BENCH=1) runs it
// alone: a 500-node / 700-link graph created through the API and opened in the editor, printing the time until
// the nodes are drawn (the canvas virtualizes large graphs: what is in view, then the whole graph after Fit), and
// what the initial page load transferred (encoded bytes on the wire, from CDP).
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import type { CDPSession, Page } from "@playwright/test"
import { expect, test } from "../src/fixtures.ts"
import { artifactsDir } from "../src/Paths.ts"
import { type GraphLinkFile, type GraphNodeFile, link, node } from "../src/WeftApi.ts"

const nodeCount = 500
const linkCount = 700

/** A chain of Store Value nodes (499 links into `input`) plus 201 skip links into `data`, laid out on a grid. */
const bigGraph = () => {
  const nodes: Array<GraphNodeFile> = []
  const links: Array<GraphLinkFile> = []
  for (let i = 0; i < nodeCount; i++) {
    const at = { x: (i % 25) * 240, y: Math.floor(i / 25) * 140 }
    nodes.push(node(`n${i}`, "StoreValue", at, i === 0 ? { input: "start" } : {}))
    if (i > 0) links.push(link(`n${i - 1}`, "output", `n${i}`, "input"))
  }
  for (let i = 0; links.length < linkCount; i++) links.push(link(`n${i}`, "output", `n${i + 2}`, "data"))
  return { name: "Bench: 500 nodes", nodes, links }
}

interface Transfer {
  readonly requests: number
  readonly bytes: number
  readonly byType: Record<string, number>
  readonly encodings: ReadonlySet<string>
}

/** Sums the bytes on the wire (CDP's encodedDataLength: headers plus the body as sent) of every finished request. */
const recordTransfer = async (cdp: CDPSession) => {
  const types = new Map<string, string>()
  const encodings = new Set<string>()
  const finished: Array<{ type: string; bytes: number }> = []
  cdp.on("Network.responseReceived", (event) => {
    types.set(event.requestId, event.type)
    const headers: Record<string, string> = event.response.headers
    const encoding = Object.entries(headers).find(([name]) => name.toLowerCase() === "content-encoding")?.[1]
    encodings.add(encoding ?? "identity")
  })
  cdp.on("Network.loadingFinished", (event) => {
    finished.push({ type: types.get(event.requestId) ?? "Other", bytes: event.encodedDataLength })
  })
  await cdp.send("Network.enable")
  return (): Transfer => {
    const byType: Record<string, number> = {}
    for (const f of finished) byType[f.type] = (byType[f.type] ?? 0) + f.bytes
    return { requests: finished.length, bytes: finished.reduce((sum, f) => sum + f.bytes, 0), byType, encodings }
  }
}

interface Marks {
  firstNodeAt: number | null
  lastNodeAddedAt: number | null
  lastMutationAt: number
}

/**
 * Before any app script: note (in ms since navigation start) when the first node element appears, when the last
 * one was added and when the page last changed at all. The canvas virtualizes large graphs (only what is in view
 * is in the DOM), so "drawn" means: the page stopped changing, with nodes on it.
 */
const watchRendering = (page: Page) =>
  page.addInitScript(() => {
    const marks: Marks = { firstNodeAt: null, lastNodeAddedAt: null, lastMutationAt: 0 }
    Object.assign(window, { weftBench: marks })
    new MutationObserver((mutations) => {
      const now = performance.now()
      marks.lastMutationAt = now
      const added = mutations.some((m) =>
        [...m.addedNodes].some(
          (n) => n instanceof Element && (n.matches("[data-node-id]") || n.querySelector("[data-node-id]") !== null)
        )
      )
      if (added) {
        marks.firstNodeAt ??= now
        marks.lastNodeAddedAt = now
      }
    }).observe(document, { childList: true, subtree: true, attributes: true })
  })

const marksOf = (page: Page): Promise<Marks> =>
  page.evaluate(() => (window as unknown as { weftBench: Marks }).weftBench)

/** Resolves once the page has not changed for `quietMs` since `since` (and holds nodes). */
const settled = (page: Page, since: number, quietMs = 1000) =>
  page.waitForFunction(
    ([from, quiet]) => {
      const marks = (window as unknown as { weftBench: Marks }).weftBench
      const now = performance.now()
      return marks.firstNodeAt !== null && now - Math.max(marks.lastMutationAt, from) > quiet
    },
    [since, quietMs] as const,
    { timeout: 120_000, polling: 100 }
  )

const drawnCounts = (page: Page) =>
  page.evaluate(() => ({
    nodes: document.querySelectorAll("[data-node-id]").length,
    edges: document.querySelectorAll("path.edge").length,
    preview: document.querySelector("canvas.preview-flow") !== null
  }))

/** Opens the graph and times the first drawing of what is in view. */
const openAndTime = async (page: Page, path: string) => {
  await page.goto(path)
  await settled(page, 0)
  const marks = await marksOf(page)
  return { drawnMs: marks.lastNodeAddedAt ?? 0, firstNodeMs: marks.firstNodeAt ?? 0, ...(await drawnCounts(page)) }
}

/** Presses Fit (the whole graph in view) and times until the canvas stops changing. */
const fitAndTime = async (page: Page) => {
  const started = await page.evaluate(() => performance.now())
  await page.getByRole("button", { name: "Fit the graph in view" }).click()
  await settled(page, started)
  const marks = await marksOf(page)
  return { fitMs: Math.max(0, marks.lastMutationAt - started), ...(await drawnCounts(page)) }
}

/**
 * Pans (a mouse drag across the empty canvas) and zooms (wheel steps) the open graph while recording the time
 * between animation frames: smooth means frames keep coming about every 16.7 ms while the view moves.
 */
const panAndZoomFrames = async (page: Page) => {
  await page.evaluate(() => {
    const frames: Array<number> = []
    let last = performance.now()
    const tick = (now: number) => {
      frames.push(now - last)
      last = now
      if ((window as unknown as { weftFramesStop?: boolean }).weftFramesStop !== true) requestAnimationFrame(tick)
    }
    Object.assign(window, { weftFrames: frames, weftFramesStop: false })
    requestAnimationFrame(tick)
  })
  // A point of bare canvas to grab (dragging a node would move it, not the view).
  const { x, y } = await page.evaluate(() => {
    const flow = document.querySelector("vflow")
    const box = flow?.getBoundingClientRect()
    if (flow === null || box === undefined) throw new Error("no canvas")
    for (let py = box.bottom - 20; py > box.top; py -= 7) {
      for (let px = box.right - 20; px > box.left; px -= 7) {
        const hit = document.elementFromPoint(px, py)
        if (hit !== null && flow.contains(hit) && hit.closest("[data-node-id], path, button, input") === null) {
          return { x: px, y: py }
        }
      }
    }
    throw new Error("no bare canvas to grab")
  })
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x - 600, y - 300, { steps: 60 })
  await page.mouse.up()
  for (let step = 0; step < 20; step++) await page.mouse.wheel(0, step < 10 ? -120 : 120)
  const frames = await page.evaluate(() => {
    const w = window as unknown as { weftFrames: Array<number>; weftFramesStop: boolean }
    w.weftFramesStop = true
    return w.weftFrames.slice(1)
  })
  const sorted = [...frames].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  return { frames: frames.length, p50: at(0.5), p95: at(0.95), worst: sorted[sorted.length - 1] ?? 0 }
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`

test("@bench opens a 500-node, 700-link graph in the editor", async ({ editor, api, page, browser, weft }) => {
  test.setTimeout(300_000)
  // The initial load of the app alone, cold: a fresh context (empty cache) opening the sign-in page.
  const shell = await browser.newContext()
  const shellPage = await shell.newPage()
  const shellTransfer = await recordTransfer(await shell.newCDPSession(shellPage))
  await shellPage.goto(`${weft.url}/sign-in`)
  await expect(shellPage.getByRole("button", { name: "Sign in" })).toBeVisible()
  await shellPage.waitForLoadState("networkidle")
  const initial = shellTransfer()
  await shell.close()

  const createdAt = performance.now()
  const graph = await api.createGraph(bigGraph())
  const createMs = performance.now() - createdAt
  expect(graph.nodes).toHaveLength(nodeCount)
  expect(graph.links).toHaveLength(linkCount)

  await watchRendering(page)
  const editorTransfer = await recordTransfer(await page.context().newCDPSession(page))
  const cold = await openAndTime(page, `/graphs/${graph.id}`)
  const coldTransfer = editorTransfer()
  await expect(page.getByRole("textbox", { name: "Graph name" })).toHaveValue("Bench: 500 nodes")
  await expect(editor.nodes().first()).toBeVisible()
  const motion = await panAndZoomFrames(page)
  const fit = await fitAndTime(page)
  await page.screenshot({ path: join(artifactsDir, "bench-500-nodes-fit.png") })
  const warm = [await openAndTime(page, `/graphs/${graph.id}`), await openAndTime(page, `/graphs/${graph.id}`)]
  await page.screenshot({ path: join(artifactsDir, "bench-500-nodes.png") })

  const figures = {
    graph: { nodes: nodeCount, links: linkCount, createThroughApiMs: Math.round(createMs) },
    initialLoad: { requests: initial.requests, bytes: initial.bytes, byType: initial.byType },
    contentEncodings: [...new Set([...initial.encodings, ...coldTransfer.encodings])],
    editorColdLoad: { requests: coldTransfer.requests, bytes: coldTransfer.bytes, byType: coldTransfer.byType },
    firstNodeMs: { cold: Math.round(cold.firstNodeMs), warm: warm.map((w) => Math.round(w.firstNodeMs)) },
    viewDrawnMs: { cold: Math.round(cold.drawnMs), warm: warm.map((w) => Math.round(w.drawnMs)) },
    inDom: { nodes: cold.nodes, edges: cold.edges },
    fit: { ms: Math.round(fit.fitMs), nodesInDom: fit.nodes, edgesInDom: fit.edges, previewCanvas: fit.preview },
    panAndZoomFrameMs: { frames: motion.frames, p50: motion.p50, p95: motion.p95, worst: motion.worst }
  }
  writeFileSync(join(artifactsDir, "bench.json"), `${JSON.stringify(figures, null, 2)}\n`)
  const types = (byType: Record<string, number>) =>
    Object.entries(byType)
      .map(([type, bytes]) => `${type} ${kB(bytes)}`)
      .join(", ")
  console.log(
    [
      "studio (Chromium, 1440x900 viewport, times in ms from navigation start; cold = empty cache):",
      `  create the ${nodeCount}-node / ${linkCount}-link graph through the API:  ${figures.graph.createThroughApiMs} ms`,
      `  open it in the editor, first node drawn:  cold ${figures.firstNodeMs.cold}, warm ${figures.firstNodeMs.warm.join(" / ")}`,
      `  every node in view drawn (${cold.nodes} nodes, ${cold.edges} edges in the DOM; the canvas virtualizes):  cold ${figures.viewDrawnMs.cold}, warm ${figures.viewDrawnMs.warm.join(" / ")}`,
      `  pan (60-step drag) and zoom (20 wheel steps), time between frames:  p50 ${motion.p50.toFixed(1)} ms, p95 ${motion.p95.toFixed(1)} ms, worst ${motion.worst.toFixed(1)} ms over ${motion.frames} frames`,
      `  Fit (all ${nodeCount} nodes in view) until the canvas settles:  ${figures.fit.ms} ms (${fit.nodes} nodes in the DOM${fit.preview ? ", the graph drawn on the preview canvas" : ""})`,
      `  initial page load (sign-in page, cold):  ${initial.requests} requests, ${kB(initial.bytes)} on the wire (${types(initial.byType)})`,
      `  editor with this graph (cold):  ${coldTransfer.requests} requests, ${kB(coldTransfer.bytes)} on the wire (${types(coldTransfer.byType)})`,
      `  content encodings seen: ${figures.contentEncodings.join(", ")}`
    ].join("\n")
  )
})
