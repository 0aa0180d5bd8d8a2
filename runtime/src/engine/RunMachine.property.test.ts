/**
 * Property-based tests of the run machine: random graphs (cycles, static links, dynamic pins, failing blocks,
 * inputs that do not fit) driven through random interleavings of starts, yields, completions and failures.
 */
import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { isDeepStrictEqual } from "node:util"
import type { Link, Node } from "../model/Graph.ts"
import {
  type Event,
  applyEvent,
  blockInfo,
  compileTest,
  drive,
  graph,
  link,
  node,
  replay,
  snapshot
} from "./EngineTestKit.ts"
import { parsePin, selectPath } from "./PinPath.ts"
import * as Machine from "./RunMachine.ts"
import type { Command } from "./RunState.ts"

interface Shape {
  readonly inputs: ReadonlyArray<string>
  readonly outputs: ReadonlyArray<string>
}

const shapes: Readonly<Record<string, Shape>> = {
  AgentInput: { inputs: [], outputs: ["result"] },
  Emit: { inputs: ["count"], outputs: ["item"] },
  Pass: { inputs: ["value"], outputs: ["output"] },
  Join: { inputs: ["a", "b"], outputs: ["output", "output_$_0", "output_$_1"] },
  StoreValue: { inputs: ["input"], outputs: ["output"] },
  Add: { inputs: ["a", "b"], outputs: ["result"] },
  Fail: { inputs: ["value"], outputs: ["partial", "error"] },
  CreateList: { inputs: ["values_$_0", "values_$_1"], outputs: ["list"] }
}
const blockIds = Object.keys(shapes)

const defaults = (blockId: string, index: number): Record<string, unknown> =>
  blockId === "AgentInput"
    ? { name: `in${index}`, value: index }
    : blockId === "Emit"
      ? { count: 3 }
      : blockId === "Add"
        ? { a: 1, b: 1 }
        : blockId === "Pass"
          ? { value: index }
          : blockId === "StoreValue"
            ? { input: index }
            : blockId === "Fail"
              ? { value: index }
              : blockId === "Join"
                ? { a: index, b: index }
                : { values: [] }

/** Random graphs: each sink pin is linked from up to two random output pins (its own node included: cycles). */
const graphArb = fc
  .array(fc.constantFrom(...blockIds), { minLength: 2, maxLength: 10 })
  .chain((blocks) => {
    const sinks = blocks.flatMap((blockId, index) =>
      (shapes[blockId]?.inputs ?? []).map((pin) => [index, pin] as const)
    )
    const sources = blocks.flatMap((blockId, index) =>
      [...(shapes[blockId]?.outputs ?? []), "error"].map((pin) => [index, pin] as const)
    )
    const linkArb = fc.array(fc.tuple(fc.constantFrom(...sources), fc.boolean()), { maxLength: 2 })
    return fc.tuple(fc.constant(blocks), fc.tuple(...sinks.map(() => linkArb)), fc.constant(sinks))
  })
  .map(([blocks, choices, sinks]) => {
    const nodes: Array<Node> = blocks.map((blockId, index) => node(`n${index}`, blockId, defaults(blockId, index)))
    const links: Array<Link> = []
    choices.forEach((choice, i) => {
      const sink = sinks[i]
      if (sink === undefined) return
      for (const [[sourceIndex, sourcePin], isStatic] of choice) {
        const spec = `n${sourceIndex}.${sourcePin} -> n${sink[0]}.${sink[1]}`
        if (!links.some((l) => l.id === spec)) links.push(link(spec, isStatic))
      }
    })
    return graph(nodes, links)
  })

const scheduleArb = fc.record({
  picks: fc.array(fc.nat(50), { minLength: 1, maxLength: 40 }),
  maxSteps: fc.integer({ min: 30, max: 400 }),
  cancelAt: fc.option(fc.nat(400), { freq: 4 })
})

type Schedule = typeof scheduleArb extends fc.Arbitrary<infer T> ? T : never

/** Drives a run to the end: cancels it when the step budget ran out first, so that it always settles. */
const settledRun = (g: ReturnType<typeof graph>, schedule: Schedule) => {
  const compiled = compileTest(g)
  let turn = 0
  const run = drive(
    compiled,
    {},
    {
      choose: (count) => (schedule.picks[turn++ % schedule.picks.length] ?? 0) % count,
      maxSteps: schedule.maxSteps,
      ...(schedule.cancelAt === null ? {} : { cancelAt: schedule.cancelAt })
    }
  )
  const events: Array<Event> = [...run.events]
  const commands: Array<Command> = [...run.commands]
  if (!Machine.isSettled(run.state)) {
    events.push({ _tag: "cancel" })
    commands.push(...applyEvent(run.state, { _tag: "cancel" }))
  }
  return { compiled, state: run.state, events, commands }
}

const params = { numRuns: 200 }

/** chai's deep equality is slow on large command lists; compare natively and let chai explain a difference. */
const assertSame = (actual: unknown, expected: unknown): void => {
  if (!isDeepStrictEqual(actual, expected)) assert.deepStrictEqual(actual, expected)
}

describe("run machine properties", () => {
  it("determinism: replaying the same events gives identical commands, state and ids", () => {
    fc.assert(
      fc.property(graphArb, scheduleArb, (g, schedule) => {
        const run = settledRun(g, schedule)
        const again = replay(run.compiled, {}, run.events)
        assertSame(again.commands, run.commands)
        assertSame(snapshot(again.state), snapshot(run.state))
      }),
      params
    )
  })

  it("node execution ids are unique, counted in creation order, and each is created and queued at most once", () => {
    fc.assert(
      fc.property(graphArb, scheduleArb, (g, schedule) => {
        const { state, commands } = settledRun(g, schedule)
        assertSame(
          state.nodeExecs.map((exec) => exec.id),
          state.nodeExecs.map((_, i) => `run.${i + 1}`)
        )
        const created = commands.flatMap((command) => (command._tag === "NodeCreated" ? [command.exec.id] : []))
        assertSame(
          created,
          state.nodeExecs.map((exec) => exec.id)
        )
        const queued = commands.flatMap((command) => (command._tag === "NodeQueued" ? [command.nodeExecutionId] : []))
        assert.strictEqual(new Set(queued).size, queued.length)
        const pinSets = commands.flatMap((command) =>
          command._tag === "PinSet" ? [`${command.nodeExecutionId}/${command.pin}`] : []
        )
        assert.strictEqual(new Set(pinSets).size, pinSets.length, "no execution receives a pin twice")
      }),
      params
    )
  })

  it("every value yielded on a linked pin lands in exactly one execution per link (pins without static links)", () => {
    fc.assert(
      fc.property(graphArb, scheduleArb, (g, schedule) => {
        const { compiled, commands, events, state } = settledRun(g, schedule)
        if (state.failures.some((failure) => failure.error.includes("not routed"))) return
        // Everything yielded: block yields, then error yields of failures reported by the caller or the engine.
        const yields: Array<{ readonly nodeId: string; readonly pin: string; readonly value: unknown }> = []
        const nodeOf = new Map(state.nodeExecs.map((exec) => [exec.id, exec.nodeId]))
        // Events after a cancel are ignored by the machine; the driver sends none, so every yield counts.
        for (const event of events) {
          if (event._tag === "cancel") break
          if (event._tag === "yield")
            yields.push({ nodeId: nodeOf.get(event.id) ?? "", pin: event.pin, value: event.value })
        }
        for (const failure of state.failures)
          yields.push({ nodeId: failure.nodeId, pin: "error", value: failure.error })
        // Per sink pin fed by plain links only: what reached it is what its links carried.
        const pins = new Map<string, Array<(typeof compiled.links)[number]["link"]>>()
        for (const { link: l } of compiled.links) {
          const key = `${l.sinkId}/${l.sinkName}`
          pins.set(key, [...(pins.get(key) ?? []), l])
        }
        for (const [key, into] of pins) {
          if (into.some((l) => l.isStatic)) continue
          let expected = 0
          for (const l of into) {
            const { base, path } = parsePin(l.sourceName)
            expected += yields.filter(
              (y) =>
                y.nodeId === l.sourceId &&
                y.pin === base &&
                (path.length === 0 || selectPath(y.value, path) !== undefined)
            ).length
          }
          const delivered = commands.filter(
            (command) => command._tag === "PinSet" && `${nodeOf.get(command.nodeExecutionId)}/${command.pin}` === key
          ).length
          assert.strictEqual(delivered, expected, `sink pin ${key}`)
        }
      }),
      params
    )
  })

  it("FIFO pairing: the executions of a node holding a pin are always its oldest ones", () => {
    fc.assert(
      fc.property(graphArb, scheduleArb, (g, schedule) => {
        const { compiled, state } = settledRun(g, schedule)
        for (const { link: l } of compiled.links) {
          const holds = state.nodeExecs
            .filter((exec) => exec.nodeId === l.sinkId)
            .map((exec) => Object.hasOwn(exec.pins, l.sinkName))
          const firstMissing = holds.indexOf(false)
          if (firstMissing >= 0)
            assert.notInclude(holds.slice(firstMissing), true, `sink pin ${l.sinkId}.${l.sinkName}`)
        }
      }),
      params
    )
  })

  it("queued inputs have every linked pin and pass the block's schema", () => {
    fc.assert(
      fc.property(graphArb, scheduleArb, (g, schedule) => {
        const { compiled, commands } = settledRun(g, schedule)
        for (const command of commands) {
          if (command._tag !== "NodeQueued") continue
          const compiledNode = compiled.nodeById.get(command.nodeId)
          if (compiledNode === undefined) throw new Error("queued an unknown node")
          for (const pin of compiledNode.requiredPins) assert.property(command.input, parsePin(pin).base)
          assert.strictEqual(blockInfo(compiledNode.node).validateInput(command.input)._tag, "Success")
        }
      }),
      params
    )
  })

  it("a settled run's status, stuck nodes and counters follow the rules", () => {
    fc.assert(
      fc.property(graphArb, scheduleArb, (g, schedule) => {
        const { compiled, state } = settledRun(g, schedule)
        assert.isTrue(Machine.isSettled(state))
        const statuses = state.nodeExecs.map((exec) => exec.status)
        assert.notInclude(statuses, "QUEUED")
        assert.notInclude(statuses, "RUNNING")
        const result = Machine.result(state)
        const unhandled = state.nodeExecs.filter(
          (exec) =>
            exec.status === "FAILED" &&
            (compiled.nodeById.get(exec.nodeId)?.handlesErrors !== true || exec.error?.includes("not routed") === true)
        )
        if (state.cancelled) {
          assert.strictEqual(result.status, "TERMINATED")
          assert.notInclude(statuses, "INCOMPLETE")
        } else assert.strictEqual(result.status, unhandled.length > 0 ? "FAILED" : "COMPLETED")
        const incomplete = state.nodeExecs.filter((exec) => exec.status === "INCOMPLETE")
        assert.deepStrictEqual(
          result.stuckNodes.map((stuck) => stuck.nodeExecutionId),
          incomplete.map((exec) => exec.id)
        )
        for (const stuck of result.stuckNodes) assert.isAbove(stuck.missingPins.length, 0)
      }),
      params
    )
  })
})
