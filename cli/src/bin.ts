#!/usr/bin/env node
/**
 * The `weft` command: the composition root. Each subcommand picks the layers of its deployment shape
 * (Processes.ts); user errors print one line and exit 2.
 */
import { NodeRuntime, NodeServices } from "@effect/platform-node"
import { Config, Console, Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { BlockRegistry } from "@weft/runtime"
import { CliFailure, ExitCode, usageExitCode } from "./CliFailure.ts"
import { runDev } from "./DevCommand.ts"
import { runGateway } from "./GatewayCommand.ts"
import { distributedRunner, embeddedRunner, gatewayProcess } from "./Processes.ts"
import { pluginCommand } from "./PluginCommand.ts"
import { runAndPrint } from "./RunCommand.ts"
import { runRunner } from "./RunnerCommand.ts"
import { validateGraphFile } from "./ValidateCommand.ts"

const weft = Command.make("weft").pipe(
  Command.withDescription("Weft: a distributed runtime for AI-agent workflow graphs")
)

const run = Command.make(
  "run",
  {
    file: Argument.String("graph.json").pipe(Argument.withDescription("The graph file to run")),
    input: Flag.String("input").pipe(
      Flag.withAlias("i"),
      Flag.withDescription("An input as name=value (JSON values are parsed); repeatable"),
      Flag.atLeast(0)
    ),
    graph: Flag.String("graph").pipe(
      Flag.withAlias("g"),
      Flag.withDescription("A graph file this graph runs as a sub-graph (saved first); repeatable"),
      Flag.atLeast(0)
    ),
    json: Flag.Boolean("json").pipe(Flag.withDescription("Print the result as JSON"), Flag.withDefault(false))
  },
  ({ file, input, graph, json }) =>
    runAndPrint(file, input, graph, json).pipe(
      Effect.flatMap((r) => (r.status === "COMPLETED" ? Effect.void : Effect.fail(new ExitCode({ code: 1 })))),
      Effect.provide(embeddedRunner)
    )
).pipe(Command.withDescription("Run a graph file to its end and print its outputs"))

const validate = Command.make("validate", { file: Argument.String("graph.json") }, ({ file }) =>
  validateGraphFile(file).pipe(Effect.provide(BlockRegistry.layer))
).pipe(Command.withDescription("Print every validation problem of a graph file"))

const graph = Command.make("graph").pipe(
  Command.withDescription("Work with graph files"),
  Command.withSubcommands([validate])
)

const dev = Command.make("dev", {}, () => runDev).pipe(
  Command.withDescription("Start embedded PostgreSQL, one runner and the gateway (API on :8080); Ctrl-C stops all")
)

const runner = Command.make(
  "runner",
  {
    host: Flag.String("host").pipe(
      Flag.withDescription("Address other runners reach this one at"),
      Flag.withDefault("127.0.0.1")
    ),
    port: Flag.Int("port").pipe(Flag.withDescription("Port for runner-to-runner traffic"), Flag.withDefault(34431))
  },
  ({ host, port }) => runRunner.pipe(Effect.provide(distributedRunner({ host, port })))
).pipe(Command.withDescription("Start a runner of a distributed Weft (needs DATABASE_URL)"))

const gateway = Command.make("gateway", {}, () =>
  Effect.gen(function* () {
    // Without a shared database a gateway would start an embedded one that no runner uses.
    if (Option.isNone(yield* Config.option(Config.String("DATABASE_URL")))) {
      return yield* new CliFailure({ message: "weft gateway needs DATABASE_URL (the database its runners share)" })
    }
    return yield* runGateway.pipe(Effect.provide(gatewayProcess))
  })
).pipe(
  Command.withDescription("Serve the HTTP/WebSocket API for the runners of a distributed Weft (needs DATABASE_URL)")
)

const program = weft.pipe(
  Command.withSubcommands([run, graph, dev, runner, gateway, pluginCommand]),
  Command.run({ version: "0.1.0" })
)

program.pipe(
  Effect.catchTag("CliFailure", (e: CliFailure) =>
    Effect.andThen(Console.error(`weft: ${e.message}`), Effect.fail(new ExitCode({ code: usageExitCode })))
  ),
  Effect.provide(NodeServices.layer),
  NodeRuntime.runMain({ disableErrorReporting: false })
)
