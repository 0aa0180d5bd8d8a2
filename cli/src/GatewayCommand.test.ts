// The JWT secret `weft dev` signs the local admin's login token with, when WEFT_JWT_SECRET is unset.
import { assert, describe, it } from "@effect/vitest"
import { Effect, Redacted } from "effect"
import * as NodeFs from "node:fs/promises"
import * as NodeOs from "node:os"
import * as NodePath from "node:path"
import { loadOrCreateJwtSecret } from "./GatewayCommand.ts"

describe("weft dev's JWT secret", () => {
  it.live("is generated once into <data dir>/jwt.secret (mode 0600) and reused on the next start", () =>
    Effect.gen(function* () {
      const dir = yield* Effect.acquireRelease(
        Effect.promise(() => NodeFs.mkdtemp(NodePath.join(NodeOs.tmpdir(), "weft-jwt-"))),
        (dir) => Effect.promise(() => NodeFs.rm(dir, { recursive: true, force: true }))
      )
      const dataDir = NodePath.join(dir, "data")
      const first = yield* loadOrCreateJwtSecret(dataDir)
      const second = yield* loadOrCreateJwtSecret(dataDir)
      assert.strictEqual(Redacted.value(first), Redacted.value(second))
      assert.isAtLeast(Redacted.value(first).length, 32)
      const stat = yield* Effect.promise(() => NodeFs.stat(NodePath.join(dataDir, "jwt.secret")))
      assert.strictEqual(stat.mode & 0o777, 0o600)
      yield* Effect.promise(() => NodeFs.writeFile(NodePath.join(dataDir, "jwt.secret"), "short\n"))
      const failure = yield* Effect.flip(loadOrCreateJwtSecret(dataDir))
      assert.match(failure.message, /shorter than 32/)
    }).pipe(Effect.scoped)
  )
})
