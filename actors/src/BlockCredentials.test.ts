import { assert, layer } from "@effect/vitest"
import { Effect, Redacted, Schema, Stream } from "effect"
import { Block } from "@weft/block-sdk"
import { BlockRegistry, builtinBlocks, CredentialVault, LinkId, NodeId, UserStore } from "@weft/runtime"
import { embeddedTestRunnerWith, runToEnd, saveDocument, storesLayerWith } from "./RunnerTestKit.ts"

/** Yields how long its secret is and whether it was handed over as a Redacted, never the secret itself. */
const SecretProbe = Block.make({
  id: "SecretProbe",
  version: "1.0.0",
  name: "Secret probe",
  description: "test block",
  categories: ["test"],
  credentials: { api: { provider: "example" } },
  input: {},
  output: { length: Schema.Number, redacted: Schema.Boolean, names: Schema.Array(Schema.String) },
  run: (_input, ctx) => {
    const secret = ctx.credentials.api
    return Stream.make(
      { pin: "length" as const, value: secret === undefined ? -1 : Redacted.value(secret).length },
      { pin: "redacted" as const, value: secret !== undefined && Redacted.isRedacted(secret) },
      { pin: "names" as const, value: Object.keys(ctx.credentials) }
    )
  }
})

const testLayer = embeddedTestRunnerWith(
  storesLayerWith(BlockRegistry.layerWith({ builtins: [...builtinBlocks, SecretProbe] }))
)

layer(testLayer, { excludeTestServices: true, timeout: 60_000 })("credentials in blocks", (it) => {
  it.effect("a block gets the credentials its node names, as Redacted values, and nothing else", () =>
    Effect.gen(function* () {
      const owner = (yield* (yield* UserStore).localAdmin).id
      const vault = yield* CredentialVault
      const given = yield* vault.create(owner, "example", "mine", Redacted.make("s3cret-value"))
      const other = yield* vault.create(owner, "example", "other", Redacted.make("not-for-this-node"))
      const graph = yield* saveDocument({
        name: "probe",
        description: "",
        nodes: [
          {
            id: NodeId.make("probe"),
            block: { id: "SecretProbe" },
            inputDefault: {},
            metadata: { credentials: { api: given.id, undeclared: other.id } }
          },
          { id: NodeId.make("out"), block: { id: "AgentOutput" }, inputDefault: { name: "length" }, metadata: {} },
          { id: NodeId.make("kind"), block: { id: "AgentOutput" }, inputDefault: { name: "redacted" }, metadata: {} },
          { id: NodeId.make("names"), block: { id: "AgentOutput" }, inputDefault: { name: "names" }, metadata: {} }
        ],
        links: [
          {
            id: LinkId.make("l1"),
            sourceId: NodeId.make("probe"),
            sourceName: "length",
            sinkId: NodeId.make("out"),
            sinkName: "value",
            isStatic: false
          },
          {
            id: LinkId.make("l2"),
            sourceId: NodeId.make("probe"),
            sourceName: "redacted",
            sinkId: NodeId.make("kind"),
            sinkName: "value",
            isStatic: false
          },
          {
            id: LinkId.make("l3"),
            sourceId: NodeId.make("probe"),
            sourceName: "names",
            sinkId: NodeId.make("names"),
            sinkName: "value",
            isStatic: false
          }
        ]
      })
      const run = yield* runToEnd(graph)
      assert.strictEqual(run.status, "COMPLETED")
      assert.deepStrictEqual(run.outputs, { length: ["s3cret-value".length], redacted: [true], names: [["api"]] })
      assert.notInclude(JSON.stringify(run), "s3cret-value")
    })
  )
})
