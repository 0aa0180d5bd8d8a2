/**
 * Time blocks: the current time, formatting, adding to a time and the difference of two times. "Now" comes
 * from Effect's Clock (a test drives it with TestClock); times are read and written by TimeFormat.
 */
import { Block, BlockError, Pin } from "@weft/block-sdk"
import { DateTime, Effect, Schema, Stream } from "effect"
import { formatIntl, formatIso, formatPattern, IntlOptions, parseTime, parseZone, TimeInput } from "./TimeFormat.ts"

const timezoneSchema = Schema.String.pipe(
  Pin.annotate({
    title: "Time zone",
    description: "IANA name (Europe/Berlin) or offset (+05:30); times without an offset are read in it."
  })
)
const timezonePin = (advanced: boolean) =>
  (advanced ? Pin.advanced(timezoneSchema) : timezoneSchema).pipe(Pin.withDefault("UTC"))
const localePin = Schema.String.pipe(
  Pin.annotate({ title: "Locale", description: "Language of month and weekday names." }),
  Pin.advanced,
  Pin.withDefault("en-US")
)
const patternPin = Schema.String.pipe(
  Pin.annotate({
    title: "Pattern",
    description: "Tokens YYYY YY MMMM MMM MM M DD D dddd ddd HH H hh h mm m ss s SSS A a Z ZZ; [text] is literal.",
    placeholder: "YYYY-MM-DD HH:mm"
  })
)
const timePin = TimeInput.pipe(
  Pin.annotate({ title: "Time", description: "ISO 8601 text or milliseconds since 1970-01-01T00:00:00Z." })
)

const isoPin = Schema.String.pipe(Pin.annotate({ title: "ISO time", description: "ISO 8601 with the zone's offset." }))
const epochPin = Schema.Finite.pipe(Pin.annotate({ title: "Epoch ms", description: "Milliseconds since the epoch." }))

const instantYields = (time: DateTime.Zoned) =>
  [
    { pin: "iso", value: formatIso(time) },
    { pin: "epoch_ms", value: DateTime.toEpochMillis(time) }
  ] as const

export const Now = Block.make({
  id: "Now",
  version: "1.0.0",
  name: "Current time",
  description: "The current time as ISO text in a time zone and as epoch milliseconds, optionally formatted.",
  categories: ["time"],
  input: {
    timezone: timezonePin(false),
    pattern: Pin.optional(patternPin),
    locale: localePin
  },
  output: {
    iso: isoPin,
    epoch_ms: epochPin,
    formatted: Schema.String.pipe(Pin.annotate({ title: "Formatted", description: "Only when a pattern is given." }))
  },
  run: (input) =>
    Stream.unwrap(
      Effect.gen(function* () {
        const zone = yield* parseZone(input.timezone)
        const now = DateTime.setZone(yield* DateTime.now, zone)
        const formatted =
          input.pattern === undefined
            ? []
            : [{ pin: "formatted" as const, value: yield* formatPattern(now, input.pattern, input.locale) }]
        return Stream.fromIterable([...instantYields(now), ...formatted])
      })
    )
})

export const FormatTime = Block.make({
  id: "FormatTime",
  version: "1.0.0",
  name: "Format time",
  description: "Renders a time in a time zone with a pattern or Intl options; ISO 8601 when given neither.",
  categories: ["time"],
  input: {
    time: timePin,
    timezone: timezonePin(false),
    pattern: Pin.optional(patternPin),
    intl: Pin.optional(
      IntlOptions.pipe(
        Pin.annotate({ title: "Intl options", description: "Intl.DateTimeFormat options, e.g. dateStyle: long." })
      )
    ),
    locale: localePin
  },
  output: { text: Schema.String.pipe(Pin.annotate({ title: "Text" })) },
  run: (input) =>
    Stream.fromEffect(
      Effect.gen(function* () {
        const time = yield* parseTime(input.time, yield* parseZone(input.timezone))
        if (input.pattern !== undefined && input.intl !== undefined) {
          return yield* Effect.fail(
            new BlockError({ message: "Give a pattern or Intl options, not both", retryable: false })
          )
        }
        const text =
          input.pattern !== undefined
            ? yield* formatPattern(time, input.pattern, input.locale)
            : input.intl !== undefined
              ? yield* formatIntl(time, input.intl, input.locale)
              : formatIso(time)
        return { pin: "text" as const, value: text }
      })
    )
})

const amountPin = (title: string) => Schema.Int.pipe(Pin.annotate({ title }), Pin.withDefault(0))

export const AddTime = Block.make({
  id: "AddTime",
  version: "1.0.0",
  name: "Add to time",
  description:
    "Adds (or, with negative amounts, subtracts) years, months, days and smaller units to a time. Calendar units " +
    "follow the time zone's calendar: a day across a DST change is 23 or 25 hours, Jan 31 + 1 month is Feb 28/29.",
  categories: ["time"],
  input: {
    time: timePin,
    timezone: timezonePin(false),
    years: amountPin("Years"),
    months: amountPin("Months"),
    weeks: amountPin("Weeks"),
    days: amountPin("Days"),
    hours: amountPin("Hours"),
    minutes: amountPin("Minutes"),
    seconds: amountPin("Seconds"),
    milliseconds: amountPin("Milliseconds")
  },
  output: { iso: isoPin, epoch_ms: epochPin },
  run: ({ time, timezone, ...amounts }) =>
    Stream.unwrap(
      Effect.gen(function* () {
        const start = yield* parseTime(time, yield* parseZone(timezone))
        const outOfRange = new BlockError({ message: "The resulting time is out of range", retryable: false })
        // DateTime.add throws a RangeError past the largest Date, or returns an invalid one.
        const result = yield* Effect.try({ try: () => DateTime.add(start, amounts), catch: () => outOfRange })
        if (!Number.isFinite(DateTime.toEpochMillis(result))) return yield* Effect.fail(outOfRange)
        return Stream.fromIterable(instantYields(result))
      })
    )
})

const unitMillis = {
  milliseconds: 1,
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000
} as const
const Unit = Schema.Literals(["milliseconds", "seconds", "minutes", "hours", "days", "weeks"])

export const TimeDifference = Block.make({
  id: "TimeDifference",
  version: "1.0.0",
  name: "Time difference",
  description: "How much later `end` is than `start`, in a unit (negative when end is earlier; may be fractional).",
  categories: ["time"],
  input: {
    start: timePin.pipe(Pin.annotate({ title: "Start" })),
    end: timePin.pipe(Pin.annotate({ title: "End" })),
    unit: Unit.pipe(Pin.annotate({ title: "Unit" }), Pin.withDefault("seconds")),
    timezone: timezonePin(true)
  },
  output: { difference: Schema.Finite.pipe(Pin.annotate({ title: "Difference" })) },
  run: (input) =>
    Stream.fromEffect(
      Effect.gen(function* () {
        const zone = yield* parseZone(input.timezone)
        const start = yield* parseTime(input.start, zone)
        const end = yield* parseTime(input.end, zone)
        const millis = DateTime.toEpochMillis(end) - DateTime.toEpochMillis(start)
        return { pin: "difference" as const, value: millis / unitMillis[input.unit] }
      })
    )
})
