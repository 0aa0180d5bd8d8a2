import { assert, describe, it } from "@effect/vitest"
import { BlockError, BlockTestKit } from "@weft/block-sdk"
import { Effect, Schema } from "effect"
import { TestClock } from "effect/testing"
import { AddTime, FormatTime, Now, TimeDifference } from "./TimeBlocks.ts"

const run = BlockTestKit.runBlockByPin

const blockError = (effect: Effect.Effect<unknown, unknown>) =>
  Effect.gen(function* () {
    const error = yield* Effect.flip(effect)
    assert.instanceOf(error, BlockError)
    assert.strictEqual(error instanceof BlockError && error.retryable, false)
    return error instanceof BlockError ? error.message : ""
  })

/** FormatTime's one `text`. */
const format = (input: Record<string, unknown>) =>
  Effect.map(run(FormatTime, input), (byPin) => {
    assert.deepStrictEqual(Object.keys(byPin), ["text"])
    return byPin.text?.[0]
  })

const saturdayAfternoon = Date.UTC(2024, 5, 15, 14, 30, 0, 123)

describe("Now", () => {
  it.effect("reads the time from the Clock, as UTC ISO text and epoch milliseconds", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(saturdayAfternoon)
      assert.deepStrictEqual(yield* run(Now, {}), {
        iso: ["2024-06-15T14:30:00.123Z"],
        epoch_ms: [saturdayAfternoon]
      })
      yield* TestClock.adjust("90 minutes")
      assert.deepStrictEqual(yield* run(Now, {}), {
        iso: ["2024-06-15T16:00:00.123Z"],
        epoch_ms: [saturdayAfternoon + 90 * 60_000]
      })
    })
  )

  it.effect("shows the time in a time zone and formats it with a pattern", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(saturdayAfternoon)
      assert.deepStrictEqual(
        yield* run(Now, { timezone: "Europe/Berlin", pattern: "dddd D MMMM YYYY, h:mm A [at] Z" }),
        {
          iso: ["2024-06-15T16:30:00.123+02:00"],
          epoch_ms: [saturdayAfternoon],
          formatted: ["Saturday 15 June 2024, 4:30 PM at +02:00"]
        }
      )
      const india = yield* run(Now, { timezone: "+05:30" })
      assert.deepStrictEqual(india.iso, ["2024-06-15T20:00:00.123+05:30"])
    })
  )

  it.effect("fails on an unknown time zone", () =>
    Effect.gen(function* () {
      assert.include(yield* blockError(run(Now, { timezone: "Mars/Olympus" })), 'Unknown time zone "Mars/Olympus"')
    })
  )
})

describe("FormatTime", () => {
  it.effect("writes ISO text in the time zone when given no pattern", () =>
    Effect.gen(function* () {
      assert.strictEqual(yield* format({ time: 0 }), "1970-01-01T00:00:00.000Z")
      assert.strictEqual(yield* format({ time: "2024-03-10T09:00-05:00" }), "2024-03-10T14:00:00.000Z")
      assert.strictEqual(
        yield* format({ time: "2024-03-10T09:00", timezone: "America/New_York" }),
        "2024-03-10T09:00:00.000-04:00",
        "text without an offset is wall-clock time in the zone (here just after the DST change)"
      )
      assert.strictEqual(
        yield* format({ time: "2024-01-15", timezone: "America/New_York" }),
        "2024-01-15T00:00:00.000-05:00"
      )
      assert.strictEqual(yield* format({ time: "2024-02-29 23:59:59.9999Z" }), "2024-02-29T23:59:59.999Z")
    })
  )

  it.effect("formats with pattern tokens, literals and localized names", () =>
    Effect.gen(function* () {
      assert.strictEqual(
        yield* format({ time: 0, timezone: "Asia/Kolkata", pattern: "YYYY-MM-DD HH:mm:ss.SSS ZZ" }),
        "1970-01-01 05:30:00.000 +0530"
      )
      assert.strictEqual(
        yield* format({ time: "2024-07-04T00:05:09Z", pattern: "YY/M/D H:m:s h a ddd MMM [YYYY MM]" }),
        "24/7/4 0:5:9 12 am Thu Jul YYYY MM"
      )
      assert.strictEqual(yield* format({ time: "2024-07-04T12:00:00Z", pattern: "hh:mm A" }), "12:00 PM")
      assert.strictEqual(yield* format({ time: 0, timezone: "-04:30", pattern: "HH:mm Z|ZZ" }), "19:30 -04:30|-0430")
      assert.strictEqual(
        yield* format({ time: saturdayAfternoon, pattern: "dddd D MMMM", locale: "de-DE", timezone: "Europe/Berlin" }),
        "Samstag 15 Juni"
      )
    })
  )

  it.effect("formats with Intl options in the time zone", () =>
    Effect.gen(function* () {
      assert.strictEqual(
        yield* format({
          time: "2024-06-15T14:30:00Z",
          timezone: "Europe/London",
          intl: { dateStyle: "full", timeStyle: "short" }
        }),
        "Saturday, June 15, 2024 at 3:30 PM"
      )
      assert.strictEqual(
        yield* format({ time: "2024-06-15T14:30:00Z", intl: { month: "long", day: "numeric" }, locale: "fr-FR" }),
        "15 juin"
      )
    })
  )

  it.effect("refuses text that is not a valid ISO 8601 time", () =>
    Effect.gen(function* () {
      for (const time of ["2024-02-30", "2023-02-29", "2024-13-01", "2024-01-01T24:00", "March 7, 2024", "", "12:00"]) {
        assert.include(yield* blockError(format({ time })), "is not an ISO 8601 time", time)
      }
      assert.include(yield* blockError(format({ time: 9e15 })), "out of the range")
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(format({ time: null }))))
    })
  )

  it.effect("fails on a bad zone, locale or Intl options, and on a pattern with Intl options", () =>
    Effect.gen(function* () {
      assert.include(yield* blockError(format({ time: 0, timezone: "Nowhere" })), "Unknown time zone")
      assert.include(yield* blockError(format({ time: 0, pattern: "MMMM", locale: "xx-!!" })), 'locale "xx-!!"')
      assert.include(
        yield* blockError(format({ time: 0, intl: { dateStyle: "full", year: "numeric" } })),
        "Cannot format with these Intl options"
      )
      assert.include(yield* blockError(format({ time: 0, pattern: "YYYY", intl: { year: "numeric" } })), "not both")
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(format({ time: 0, intl: { dateStyle: "huge" } }))))
    })
  )
})

describe("AddTime", () => {
  it.effect("adds calendar units, keeping month ends in range", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(yield* run(AddTime, { time: "2024-01-31T10:00:00Z", months: 1 }), {
        iso: ["2024-02-29T10:00:00.000Z"],
        epoch_ms: [Date.UTC(2024, 1, 29, 10)]
      })
      const nonLeap = yield* run(AddTime, { time: "2023-01-31T10:00:00Z", months: 1 })
      assert.deepStrictEqual(nonLeap.iso, ["2023-02-28T10:00:00.000Z"])
      const combined = yield* run(AddTime, { time: "2023-01-31T10:00:00Z", years: 1, months: 1, days: -1, hours: -10 })
      assert.deepStrictEqual(combined.iso, ["2024-02-28T00:00:00.000Z"])
      assert.deepStrictEqual(yield* run(AddTime, { time: 0, minutes: 1, seconds: 30, milliseconds: 5 }), {
        iso: ["1970-01-01T00:01:30.005Z"],
        epoch_ms: [90_005]
      })
    })
  )

  it.effect("follows the time zone's calendar across a DST change", () =>
    Effect.gen(function* () {
      const time = "2024-03-30T12:00"
      const dayLater = yield* run(AddTime, { time, timezone: "Europe/Berlin", days: 1 })
      assert.deepStrictEqual(dayLater.iso, ["2024-03-31T12:00:00.000+02:00"])
      assert.deepStrictEqual(dayLater.epoch_ms, [Date.UTC(2024, 2, 30, 11) + 23 * 3_600_000])
      const hoursLater = yield* run(AddTime, { time, timezone: "Europe/Berlin", hours: 24 })
      assert.deepStrictEqual(hoursLater.iso, ["2024-03-31T13:00:00.000+02:00"])
      const weekBefore = yield* run(AddTime, { time, timezone: "Europe/Berlin", weeks: -1 })
      assert.deepStrictEqual(weekBefore.iso, ["2024-03-23T12:00:00.000+01:00"])
    })
  )

  it.effect("fails on fractional amounts, bad times and results out of range", () =>
    Effect.gen(function* () {
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(run(AddTime, { time: 0, hours: 1.5 }))))
      assert.include(yield* blockError(run(AddTime, { time: "tomorrow", days: 1 })), "is not an ISO 8601 time")
      const nearTheEnd = 8.64e15 - 2 * 86_400_000
      assert.include(yield* blockError(run(AddTime, { time: nearTheEnd, days: 3 })), "out of range")
      assert.include(yield* blockError(run(AddTime, { time: nearTheEnd, milliseconds: 2e9 })), "out of range")
      assert.include(yield* blockError(run(AddTime, { time: nearTheEnd, years: 1 })), "out of range")
    })
  )
})

describe("TimeDifference", () => {
  it.effect("measures end minus start in a unit, across offsets", () =>
    Effect.gen(function* () {
      const span = { start: "2024-01-01T00:00:00Z", end: "2024-01-01T12:00:00+02:00" }
      assert.deepStrictEqual(yield* run(TimeDifference, { ...span, unit: "hours" }), { difference: [10] })
      assert.deepStrictEqual(yield* run(TimeDifference, { ...span, unit: "minutes" }), { difference: [600] })
      assert.deepStrictEqual(yield* run(TimeDifference, { start: 0, end: 1500 }), { difference: [1.5] })
      assert.deepStrictEqual(yield* run(TimeDifference, { start: 1500, end: 0, unit: "milliseconds" }), {
        difference: [-1500]
      })
      assert.deepStrictEqual(
        yield* run(TimeDifference, { start: "2024-01-01", end: "2024-01-11T12:00Z", unit: "weeks" }),
        { difference: [1.5] }
      )
    })
  )

  it.effect("reads times without an offset in the time zone", () =>
    Effect.gen(function* () {
      const span = { start: "2024-03-30T12:00", end: "2024-03-31T12:00", unit: "hours" }
      assert.deepStrictEqual(yield* run(TimeDifference, span), { difference: [24] })
      assert.deepStrictEqual(yield* run(TimeDifference, { ...span, timezone: "Europe/Berlin" }), {
        difference: [23]
      })
      assert.include(yield* blockError(run(TimeDifference, { start: "now", end: 0 })), '"now" is not an ISO 8601')
      assert.isTrue(Schema.isSchemaError(yield* Effect.flip(run(TimeDifference, { start: 0, end: 1, unit: "months" }))))
    })
  )
})
