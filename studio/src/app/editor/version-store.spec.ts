import { TestBed } from "@angular/core/testing"
import { beforeEach, describe, expect, it } from "vitest"
import type { BlockDescriptor, Graph } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { EditorStore } from "./editor-store"
import { VersionStore } from "./version-store"

const calculator: BlockDescriptor = {
  id: "Calculator",
  version: "1.0.0",
  name: "Calculator",
  description: "",
  categories: [],
  inputSchema: { type: "object", properties: { a: { type: "number" } } },
  outputSchema: { type: "object", properties: { result: { type: "number" } } },
  staticOutput: false,
  dynamicOutput: false,
  credentials: {}
}

const version = (n: number, isActive: boolean, nodeIds: ReadonlyArray<string>, versionMessage?: string): Graph => ({
  id: "g1",
  version: n,
  name: `v${n}`,
  description: "",
  nodes: nodeIds.map((id) => ({ id, block: { id: "Calculator" }, inputDefault: {}, metadata: {} })),
  links: [],
  isActive,
  ownerId: "u1",
  createdAt: "2026-01-01T00:00:00Z",
  ...(versionMessage === undefined ? {} : { versionMessage })
})

describe("VersionStore", () => {
  let versions: Array<Graph>
  let activated: Array<number>
  let editor: EditorStore
  let store: VersionStore

  beforeEach(() => {
    versions = [version(1, false, ["a"]), version(2, true, ["a", "b"]), version(3, false, ["a", "b", "c"], "added c")]
    activated = []
    const gateway = {
      blocks: async () => [calculator],
      graph: async () => {
        const active = versions.find((v) => v.isActive)
        if (active === undefined) throw new Error("no active version")
        return active
      },
      graphVersions: async () => versions,
      setActiveVersion: async (_id: string, n: number) => {
        activated.push(n)
        return { ...version(n, true, []) }
      }
    } satisfies Partial<GatewayApi>
    TestBed.configureTestingModule({
      providers: [EditorStore, VersionStore, { provide: GatewayApi, useValue: gateway }]
    })
    editor = TestBed.inject(EditorStore)
    store = TestBed.inject(VersionStore)
  })

  const ids = () => editor.nodes().map((n) => n.id)

  it("lists versions newest first with their saved messages, and opens the latest draft over the active one", async () => {
    await editor.load("g1")
    expect(editor.version()).toBe(2)
    await store.openLatestDraft("g1")
    expect(store.versions().map((v) => v.version)).toEqual([3, 2, 1])
    expect(store.versions().map((v) => v.versionMessage)).toEqual(["added c", undefined, undefined])
    expect([store.latest(), store.active()]).toEqual([3, 2])
    expect(editor.version()).toBe(3)
    expect(editor.mode()).toBe("edit")
    expect(ids()).toEqual(["a", "b", "c"])
  })

  it("shows an older version read-only and goes back to the unsaved draft intact", async () => {
    await editor.load("g1")
    await store.openLatestDraft("g1")
    editor.setInput("a", "a", 5)
    store.view(versions[0] ?? version(1, false, []))
    expect(editor.readOnly()).toBe(true)
    expect(store.viewing()).toBe(1)
    expect(ids()).toEqual(["a"])
    editor.setInput("a", "a", 9)
    expect(editor.nodes()[0]?.inputDefault).toEqual({})
    store.backToDraft()
    expect(editor.readOnly()).toBe(false)
    expect(editor.version()).toBe(3)
    expect(editor.nodes()[0]?.inputDefault).toEqual({ a: 5 })
    expect(editor.dirty()).toBe(true)
    editor.undo()
    expect(editor.nodes()[0]?.inputDefault).toEqual({})
  })

  it("starts a draft from an older version, which undo takes back to the previous draft", async () => {
    await editor.load("g1")
    await store.openLatestDraft("g1")
    store.view(versions[0] ?? version(1, false, []))
    store.editFromViewed()
    expect(editor.mode()).toBe("edit")
    expect(editor.version()).toBe(3)
    expect(ids()).toEqual(["a"])
    expect(editor.dirty()).toBe(true)
    editor.undo()
    expect(ids()).toEqual(["a", "b", "c"])
    expect(editor.dirty()).toBe(false)
  })

  it("makes a version active and marks only that one", async () => {
    await store.refresh("g1")
    await store.setActive("g1", 1)
    expect(activated).toEqual([1])
    expect(
      store
        .versions()
        .filter((v) => v.isActive)
        .map((v) => v.version)
    ).toEqual([1])
  })

  it("lists a saved version first, active, with the message the gateway stored for it", async () => {
    await store.refresh("g1")
    store.added({ ...version(4, true, ["a"]), versionMessage: "fewer nodes" })
    expect(store.versions().map((v) => [v.version, v.isActive, v.versionMessage])).toEqual([
      [4, true, "fewer nodes"],
      [3, false, "added c"],
      [2, false, undefined],
      [1, false, undefined]
    ])
  })
})
