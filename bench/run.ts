/**
 * `npm run bench`: every benchmark of the repo, printing its figures. Benchmarks are not tests: they assert
 * nothing about timing. Pass names to run a subset: `npm run bench -- engine idle`.
 */
import { Effect } from "effect"
import { engineBench } from "./engine.ts"
import { gatewayBench } from "./gateway.ts"
import { idleBench } from "./idle.ts"
import { pluginsBench } from "./plugins.ts"
import { studioBench } from "./studio.ts"

const all: Record<string, Effect.Effect<void, unknown>> = {
  engine: engineBench,
  gateway: gatewayBench,
  idle: idleBench,
  plugins: pluginsBench,
  studio: studioBench
}
const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(all)

const program = Effect.forEach(
  chosen,
  (name) => {
    const bench = all[name]
    if (bench === undefined)
      return Effect.die(new Error(`unknown benchmark ${name}; known: ${Object.keys(all).join(", ")}`))
    return bench
  },
  { discard: true }
)

Effect.runPromise(program).then(
  () => process.exit(0),
  (e) => {
    console.error(e)
    process.exit(1)
  }
)
