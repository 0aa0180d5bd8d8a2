import { Effect, Stream } from "effect"
import { embeddedRunner } from "./Processes.ts"
import { runGraphFile } from "./RunCommand.ts"
const t0 = Date.now()
const lap = (m: string) => Effect.sync(() => console.log(Date.now() - t0, m))
Effect.gen(function*() {
  yield* lap("layers built")
  for (let i = 0; i < 3; i++) {
    const r = yield* runGraphFile("examples/greeting.json", ["name=Ada"])
    yield* lap("run " + r.status)
  }
}).pipe(Effect.provide(embeddedRunner), Effect.scoped, Effect.andThen(lap("closed")), Effect.runPromise).then(() => console.log("done", Date.now()-t0))
