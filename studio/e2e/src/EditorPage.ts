/**
 * The editor page as a user works it: drag a block from the palette onto the canvas, drag from an output pin to
 * an input pin, fill a node's inputs, save, run. Controls are found by role and accessible name, pins too
 * (`input values of tpl`); a node is found by its `data-node-id` (its accessible name also holds its block's
 * name, which callers do not always know), and pins are hit where ngx-vflow draws their handles: on the node's
 * left (inputs) or right (outputs) border, level with the pin's label.
 */
import { expect, type Locator, type Page } from "@playwright/test"

export interface Point {
  readonly x: number
  readonly y: number
}

export interface PinRef {
  readonly node: string
  readonly pin: string
}

export class EditorPage {
  readonly page: Page
  readonly canvas: Locator
  readonly palette: Locator
  readonly details: Locator
  readonly runPanel: Locator
  /** The toolbar's Save (it opens the save dialog, whose own Save stores the version). */
  readonly saveButton: Locator
  /** The editor's notice line ("Saved as version 2", "Link refused: ..."): a status named "Editor notices". */
  readonly notice: Locator

  constructor(page: Page) {
    this.page = page
    this.canvas = page.getByRole("application", { name: "Graph canvas" })
    this.palette = page.getByRole("complementary", { name: "Block palette" })
    this.details = page.getByRole("complementary", { name: "Details" })
    this.runPanel = page.getByRole("region", { name: "Run" })
    this.saveButton = page.getByRole("button", { name: "Save", exact: true, expanded: false })
    this.notice = page.getByRole("status", { name: "Editor notices" })
  }

  /** Creates a graph from the graph list (going there first unless already on it), which opens the editor. */
  async createGraph(name: string): Promise<string> {
    if (new URL(this.page.url()).pathname !== "/graphs") await this.page.goto("/graphs")
    await this.page.getByRole("textbox", { name: "New graph name" }).fill(name)
    await this.page.getByRole("button", { name: "Create graph" }).click()
    await this.page.waitForURL(/\/graphs\/[^/]+$/)
    await expect(this.page.getByRole("textbox", { name: "Graph name" })).toHaveValue(name)
    await expect(this.paletteBlock("Agent Input")).toBeVisible()
    return new URL(this.page.url()).pathname.split("/").pop() ?? ""
  }

  /** Opens a stored graph in the editor and waits until its nodes are drawn. */
  async open(graphId: string, nodes: number): Promise<void> {
    await this.page.goto(`/graphs/${graphId}`)
    await expect(this.nodes()).toHaveCount(nodes)
  }

  paletteBlock(name: string): Locator {
    return this.palette.getByRole("button", { name: `Add block ${name}`, exact: true })
  }

  /** Every node drawn on the canvas. */
  nodes(): Locator {
    return this.canvas.locator("[data-node-id]")
  }

  node(nodeId: string): Locator {
    return this.canvas.locator(`[data-node-id="${nodeId}"]`)
  }

  /** The edges ngx-vflow draws (one path per link). */
  edges(): Locator {
    return this.canvas.locator("path.edge")
  }

  /** The input form of a node, shown in the side panel while that node alone is selected. */
  form(nodeId: string): Locator {
    return this.details.getByRole("region", { name: `Inputs of ${nodeId}` })
  }

  /**
   * Drags a palette block onto the canvas at `at` (relative to the canvas) and returns the new node's id. The new
   * node is selected, so its form is open for its inputs.
   */
  async dropBlock(name: string, at: Point): Promise<string> {
    const before = await this.nodes().evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-node-id")))
    await this.paletteBlock(name).dragTo(this.canvas, { targetPosition: at })
    await expect(this.nodes()).toHaveCount(before.length + 1)
    const after = await this.nodes().evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-node-id")))
    const added = after.find((id) => id !== null && !before.includes(id))
    if (added === undefined || added === null) throw new Error(`no node appeared for ${name}`)
    await expect(this.node(added)).toContainText(name)
    await expect(this.form(added)).toBeVisible()
    return added
  }

  /** A pin's row on its node (the element ngx-vflow places the pin's handle beside), by its accessible name. */
  pin(nodeId: string, direction: "in" | "out", pin: string): Locator {
    const name = `${direction === "in" ? "input" : "output"} ${pin} of ${nodeId}`
    return this.node(nodeId).getByRole("listitem", { name, exact: true })
  }

  /** Where ngx-vflow draws the handle of a pin, in page coordinates. */
  async handlePoint(nodeId: string, direction: "in" | "out", pin: string): Promise<Point> {
    const row = this.pin(nodeId, direction, pin)
    await expect(row).toHaveCount(1)
    const node = await this.node(nodeId).boundingBox()
    const label = await row.boundingBox()
    if (node === null || label === null) throw new Error(`pin ${nodeId}.${pin} is not on screen`)
    return { x: direction === "in" ? node.x : node.x + node.width, y: label.y + label.height / 2 }
  }

  /**
   * How far, vertically, each pin's handle is drawn from the middle of its label, by the pin row's name
   * (`input values of tpl`): the handles of a side paired in order with that side's pin rows (a pin without a
   * drawn handle is infinitely far).
   */
  async handleDrift(nodeId: string): Promise<Record<string, number>> {
    return this.node(nodeId).evaluate((node) => {
      const box = node.getBoundingClientRect()
      const circles = [...(node.closest("g.vflow-node")?.querySelectorAll("circle.default-handle") ?? [])].map((c) => {
        const r = c.getBoundingClientRect()
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 }
      })
      const drift: Record<string, number> = {}
      for (const [side, edge] of [
        ["in", box.left],
        ["out", box.right]
      ] as const) {
        const handles = circles.filter((c) => Math.abs(c.x - edge) < 8).sort((a, b) => a.y - b.y)
        const rows = [...node.querySelectorAll(`.pin.${side}`)]
        rows.forEach((row, i) => {
          const label = row.getBoundingClientRect()
          const handle = handles.length === rows.length ? handles[i] : undefined
          drift[row.getAttribute("aria-label") ?? `${side} ${i}`] =
            handle === undefined ? Number.POSITIVE_INFINITY : Math.abs(handle.y - (label.top + label.height / 2))
        })
      }
      return drift
    })
  }

  /** Presses on an output pin's handle and moves, in steps, to an input pin's handle; `release` ends the drag. */
  async dragPin(source: PinRef, sink: PinRef): Promise<{ readonly release: () => Promise<void> }> {
    const from = await this.handlePoint(source.node, "out", source.pin)
    const to = await this.handlePoint(sink.node, "in", sink.pin)
    const mouse = this.page.mouse
    await mouse.move(from.x, from.y)
    await mouse.down()
    await mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 8 })
    await mouse.move(to.x, to.y, { steps: 8 })
    return { release: () => mouse.up() }
  }

  /** Connects two pins by dragging and waits for the edge to be drawn. */
  async connect(source: PinRef, sink: PinRef): Promise<void> {
    const edges = await this.edges().count()
    const drag = await this.dragPin(source, sink)
    await drag.release()
    await expect(this.edges()).toHaveCount(edges + 1)
  }

  /** Types into a field of a node's open form; the form commits it on change (when the field loses focus). */
  async setInput(nodeId: string, label: string, value: string, role: "textbox" | "spinbutton" = "textbox") {
    const field = this.form(nodeId).getByRole(role, { name: label, exact: true })
    await field.fill(value)
    await field.blur()
    await expect(field).toHaveValue(value)
  }

  /** Save, then the save dialog's Save: a new version is stored. */
  async save(): Promise<void> {
    await this.saveButton.click()
    const dialog = this.page.getByRole("dialog", { name: /^Save/ })
    await dialog.getByRole("button", { name: "Save", exact: true }).click()
    await expect(dialog).toHaveCount(0)
    await expect(this.notice).toHaveText(/^Saved as version \d+$/)
    await expect(this.saveButton).toBeDisabled()
  }

  /** Starts a run: through the run-inputs dialog when the graph has inputs, at once otherwise. */
  async run(inputs: Readonly<Record<string, string>> = {}): Promise<void> {
    const names = Object.keys(inputs)
    await this.runPanel.getByRole("button", { name: names.length > 0 ? "Run…" : "Run", exact: true }).click()
    if (names.length === 0) return
    const dialog = this.page.getByRole("dialog", { name: "Run inputs" })
    for (const name of names) await dialog.getByRole("textbox", { name: `Run input ${name}` }).fill(inputs[name] ?? "")
    await dialog.getByRole("button", { name: "Start run" }).click()
    await expect(dialog).toHaveCount(0)
  }

  runButton(): Locator {
    return this.runPanel.getByRole("button", { name: /^Run…?$/ })
  }

  cancelButton(): Locator {
    return this.runPanel.getByRole("button", { name: "Cancel the run" })
  }

  /** The run's live status ("running", "completed", ...). */
  runStatus(): Locator {
    return this.runPanel.getByRole("status")
  }

  /** The values a node yielded on a pin, as the run panel lists them live. */
  nodeOutput(nodeId: string, pin: string): Locator {
    return this.runPanel
      .getByRole("region", { name: "Node outputs", exact: true })
      .getByRole("term")
      .filter({ hasText: new RegExp(`^\\s*${nodeId} · ${pin}\\s*$`) })
      .locator("xpath=following-sibling::dd[1]")
  }

  /** The values the run recorded under a graph output's name, once it ended. */
  graphOutput(name: string): Locator {
    return this.runPanel
      .getByRole("region", { name: "Graph outputs", exact: true })
      .getByRole("term")
      .filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) })
      .locator("xpath=following-sibling::dd")
  }
}
