/**
 * Who this process is, as recorded on the runs it starts and drives. Distributed runners are their cluster
 * address: shard ownership already keeps two of them from driving one run. Embedded processes (`weft dev`, and a
 * `weft run` beside it sharing the same embedded database) each think they own every shard, so their identity
 * names the host and pid, and RunRecovery leaves alone a run whose embedded driver is another live process.
 */
import { Context, Layer } from "effect"
import * as NodeOs from "node:os"

export class ProcessIdentity extends Context.Service<ProcessIdentity, string>()("@weft/actors/ProcessIdentity") {
  static readonly embedded = Layer.sync(ProcessIdentity, () => `embedded:${NodeOs.hostname()}:${process.pid}`)
  static readonly distributed = (address: { readonly host: string; readonly port: number }) =>
    Layer.succeed(ProcessIdentity, `${address.host}:${address.port}`)
}

/** True when `identity` is another embedded process on this host that is still running. */
export const isOtherLiveEmbedded = (identity: string | null, self: string): boolean => {
  if (identity === null || identity === self || !identity.startsWith("embedded:")) return false
  const [, host, pid] = identity.split(":")
  if (host !== NodeOs.hostname()) return false
  try {
    process.kill(Number(pid), 0)
    return true
  } catch {
    return false
  }
}
