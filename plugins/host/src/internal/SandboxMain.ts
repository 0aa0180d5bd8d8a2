/**
 * The entry of a sandbox process (spawned by `SandboxProcess` under Node's permission model). Before anything
 * else it installs an import hook that resolves `@weft/block-sdk` and `effect` (from this runtime and from the
 * plugin) as self-references of the host's copies, whose folders the host passes as argv: the resolver then
 * reads only inside the granted folders (walking up `node_modules` would touch paths the sandbox may not read)
 * and plugin, SDK and sandbox share one Effect and one Schema. Then it loads `SandboxRuntime`.
 */
import { registerHooks } from "node:module"

const [effectAnchor, sdkAnchor] = process.argv.slice(2)
if (effectAnchor === undefined || sdkAnchor === undefined) throw new Error("usage: SandboxMain <effect url> <sdk url>")

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === "effect" || specifier.startsWith("effect/")) {
      return nextResolve(specifier, { ...context, parentURL: effectAnchor })
    }
    if (specifier === "@weft/block-sdk" || specifier.startsWith("@weft/block-sdk/")) {
      return nextResolve(specifier, { ...context, parentURL: sdkAnchor })
    }
    return nextResolve(specifier, context)
  }
})

await import("./SandboxRuntime.ts")
