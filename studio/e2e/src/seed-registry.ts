/**
 * Run by the global setup before `weft dev` starts (`node src/seed-registry.ts <dataDir>`): publishes the suite's
 * plugin, `@weft-e2e/shout`, into the embedded registry under `<dataDir>/registry` (the one weft dev then starts
 * and indexes into its marketplace), the way an author would: a publisher account, a token, `npm publish`.
 * A separate Node process because it runs Weft's own TypeScript packages, which Playwright's loader does not.
 */
import { addPublisher, publishToken, startEmbeddedRegistry } from "@weft/registry"
import { npmPublish } from "@weft/registry/testing"
import { Effect } from "effect"
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pluginName, pluginVersion } from "./SuitePlugin.ts"

const blockSource = `import { Block, Pin } from "@weft/block-sdk"
import { Schema, Stream } from "effect"

export const Shout = Block.make({
  id: "Shout",
  version: "1.0.0",
  name: "Shout",
  description: "Upper-cases a text and adds an exclamation mark.",
  categories: ["text"],
  input: { text: Schema.String.pipe(Pin.annotate({ title: "Text" })) },
  output: { shouted: Schema.String.pipe(Pin.annotate({ title: "Shouted" })) },
  run: (input) => Stream.make({ pin: "shouted", value: input.text.toUpperCase() + "!" })
})
`

const manifest = {
  name: pluginName,
  version: pluginVersion,
  type: "module",
  description: "Shouts: upper-cases a text (the studio end-to-end suite's plugin)",
  keywords: ["weft-plugin", "text"],
  license: "MIT",
  exports: { ".": "./dist/index.js" },
  files: ["dist", "README.md"],
  peerDependencies: { "@weft/block-sdk": "^0.1.0", effect: "^4.1.0" },
  weft: {
    apiVersion: 1,
    blocks: ["dist/index.js"],
    categories: ["text"],
    permissions: { net: [], env: [], fs: "none" }
  }
}

const readme = "# Shout\n\nOne block, **Shout**, that upper-cases its text and adds `!`.\n"

const seed = (dataDir: string) =>
  Effect.gen(function* () {
    const registry = yield* startEmbeddedRegistry({ dataDir })
    yield* addPublisher(registry, "e2e-author", "e2e-pass-1234")
    const token = yield* publishToken(registry.url, "e2e-author", "e2e-pass-1234")
    const dir = yield* Effect.acquireRelease(
      Effect.promise(() => mkdtemp(join(tmpdir(), "weft-e2e-plugin-"))),
      (d) => Effect.promise(() => rm(d, { recursive: true, force: true }))
    )
    yield* Effect.promise(async () => {
      await mkdir(join(dir, "dist"), { recursive: true })
      await writeFile(join(dir, "package.json"), JSON.stringify(manifest, null, 2))
      await writeFile(join(dir, "README.md"), readme)
      await writeFile(join(dir, "dist", "index.js"), blockSource)
    })
    yield* npmPublish(dir, registry.url, token)
  }).pipe(Effect.scoped)

if (import.meta.main) {
  const dataDir = process.argv[2]
  if (dataDir === undefined) throw new Error("usage: node src/seed-registry.ts <weft data dir>")
  await Effect.runPromise(seed(dataDir))
  console.log(`e2e: published ${pluginName}@${pluginVersion} to the registry in ${dataDir}/registry`)
}
