/**
 * Reading and writing times for the time blocks. A time arrives as epoch milliseconds or as ISO 8601 text;
 * text without an offset is wall-clock time in the block's time zone (so "2024-03-10 09:00" means nine in the
 * morning where the graph author said). Only ISO 8601 is read: `Date`'s own parser accepts other shapes
 * differently per engine, and rolls "2024-02-30" over into March instead of refusing it.
 */
import { BlockError } from "@weft/block-sdk"
import { DateTime, Effect, Option, Schema } from "effect"

/** A time pin: ISO 8601 text or milliseconds since the Unix epoch. */
export const TimeInput = Schema.Union([Schema.String, Schema.Finite])

const invalid = (message: string) => new BlockError({ message, retryable: false })

/** An IANA zone ("Europe/Berlin", "UTC") or a fixed offset ("+05:30"). */
export const parseZone = (zone: string): Effect.Effect<DateTime.TimeZone, BlockError> =>
  Option.match(DateTime.zoneFromString(zone.trim()), {
    onNone: () => Effect.fail(invalid(`Unknown time zone "${zone}": use an IANA name such as Europe/Berlin or +05:30`)),
    onSome: Effect.succeed
  })

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?)?$/

const daysInMonth = (year: number, month: number): number =>
  [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
    month - 1
  ] ?? 0

const number = (digits: string | undefined): number => (digits === undefined ? 0 : Number(digits))

const parseIso = (text: string, zone: DateTime.TimeZone): Option.Option<DateTime.Zoned> => {
  const m = isoPattern.exec(text.trim())
  if (m === null) return Option.none()
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(number)
  const millisecond = Number((m[7] ?? "").padEnd(3, "0").slice(0, 3))
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined ||
    second === undefined ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return Option.none()
  }
  const parts = { year, month, day, hour, minute, second, millisecond }
  const sign = m[9] === "-" ? -1 : 1
  const offset = m[8] !== undefined ? 0 : m[9] !== undefined ? sign * (number(m[10]) * 60 + number(m[11])) : undefined
  if (offset === undefined) return DateTime.makeZoned(parts, { timeZone: zone, adjustForTimeZone: true })
  if (Math.abs(offset) >= 24 * 60) return Option.none()
  return DateTime.makeZoned(parts, {
    timeZone: DateTime.zoneMakeOffset(offset * 60_000),
    adjustForTimeZone: true
  }).pipe(Option.map((instant) => DateTime.setZone(instant, zone)))
}

/** The time as an instant shown in `zone`; fails on text that is not ISO 8601 or a time out of range. */
export const parseTime = (
  time: string | number,
  zone: DateTime.TimeZone
): Effect.Effect<DateTime.Zoned, BlockError> => {
  const parsed = typeof time === "number" ? DateTime.makeZoned(time, { timeZone: zone }) : parseIso(time, zone)
  return Option.match(parsed, {
    onNone: () =>
      Effect.fail(
        invalid(
          typeof time === "number"
            ? `${time} is out of the range of epoch milliseconds a time can have`
            : `"${time}" is not an ISO 8601 time such as 2024-06-15T14:30:00Z`
        )
      ),
    onSome: Effect.succeed
  })
}

/** ISO 8601 with the zone's offset at that instant; `Z` when the offset is zero. */
export const formatIso = (time: DateTime.Zoned): string =>
  DateTime.zonedOffset(time) === 0 ? DateTime.formatIso(time) : DateTime.formatIsoOffset(time)

const pad = (value: number, width: number): string => String(Math.abs(value)).padStart(width, "0")

const offsetText = (time: DateTime.Zoned, separator: string): string => {
  const minutes = Math.round(DateTime.zonedOffset(time) / 60_000)
  return `${minutes < 0 ? "-" : "+"}${pad(Math.trunc(Math.abs(minutes) / 60), 2)}${separator}${pad(Math.abs(minutes) % 60, 2)}`
}

/** Pattern tokens, longest first so that `MMMM` is not read as `MM` twice; `[text]` is literal. */
const tokens = /\[([^\]]*)]|YYYY|YY|MMMM|MMM|MM|M|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|SSS|A|a|ZZ|Z/g

const renderPattern = (time: DateTime.Zoned, pattern: string, locale: string): string => {
  const p = DateTime.toParts(time)
  const name = (options: Intl.DateTimeFormatOptions) => DateTime.format(time, { ...options, locale })
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12
  return pattern.replace(tokens, (token: string, literal: string | undefined) => {
    if (literal !== undefined) return literal
    switch (token) {
      case "YYYY":
        return `${p.year < 0 ? "-" : ""}${pad(p.year, 4)}`
      case "YY":
        return pad(p.year % 100, 2)
      case "MMMM":
        return name({ month: "long" })
      case "MMM":
        return name({ month: "short" })
      case "MM":
        return pad(p.month, 2)
      case "M":
        return String(p.month)
      case "DD":
        return pad(p.day, 2)
      case "D":
        return String(p.day)
      case "dddd":
        return name({ weekday: "long" })
      case "ddd":
        return name({ weekday: "short" })
      case "HH":
        return pad(p.hour, 2)
      case "H":
        return String(p.hour)
      case "hh":
        return pad(hour12, 2)
      case "h":
        return String(hour12)
      case "mm":
        return pad(p.minute, 2)
      case "m":
        return String(p.minute)
      case "ss":
        return pad(p.second, 2)
      case "s":
        return String(p.second)
      case "SSS":
        return pad(p.millisecond, 3)
      case "A":
        return p.hour < 12 ? "AM" : "PM"
      case "a":
        return p.hour < 12 ? "am" : "pm"
      case "ZZ":
        return offsetText(time, "")
      default:
        return offsetText(time, ":")
    }
  })
}

/**
 * Renders `time` with a pattern such as `YYYY-MM-DD HH:mm` (tokens as in Day.js; month and weekday names in
 * `locale`). Fails when the locale is not a valid language tag.
 */
export const formatPattern = (
  time: DateTime.Zoned,
  pattern: string,
  locale: string
): Effect.Effect<string, BlockError> =>
  Effect.try({
    try: () => renderPattern(time, pattern, locale),
    catch: (cause) => invalid(`Cannot format with locale "${locale}": ${String(cause)}`)
  })

/** The Intl.DateTimeFormat options a graph author may set (a fixed set, so the studio can offer a form). */
const Style = Schema.Literals(["full", "long", "medium", "short"])
const NumericStyle = Schema.Literals(["numeric", "2-digit"])
const TextStyle = Schema.Literals(["long", "short", "narrow"])
export const IntlOptions = Schema.Struct({
  dateStyle: Schema.optionalKey(Style),
  timeStyle: Schema.optionalKey(Style),
  weekday: Schema.optionalKey(TextStyle),
  era: Schema.optionalKey(TextStyle),
  year: Schema.optionalKey(NumericStyle),
  month: Schema.optionalKey(Schema.Union([NumericStyle, TextStyle])),
  day: Schema.optionalKey(NumericStyle),
  hour: Schema.optionalKey(NumericStyle),
  minute: Schema.optionalKey(NumericStyle),
  second: Schema.optionalKey(NumericStyle),
  hour12: Schema.optionalKey(Schema.Boolean),
  timeZoneName: Schema.optionalKey(
    Schema.Literals(["short", "long", "shortOffset", "longOffset", "shortGeneric", "longGeneric"])
  )
})

/** Renders `time` with `Intl.DateTimeFormat` in its own zone; fails on a bad locale or clashing options. */
export const formatIntl = (
  time: DateTime.Zoned,
  options: typeof IntlOptions.Type,
  locale: string
): Effect.Effect<string, BlockError> =>
  Effect.try({
    try: () => DateTime.format(time, { ...options, locale }),
    catch: (cause) => invalid(`Cannot format with these Intl options: ${String(cause)}`)
  })
