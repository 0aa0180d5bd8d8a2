/**
 * Converts between the `datetime-local` inputs of the time-range filter (local wall-clock time, no zone) and the
 * ISO 8601 instants the gateway's `from` / `to` query parameters take.
 */

/** `2026-03-01T09:30` (local) → `2026-03-01T08:30:00.000Z` in UTC+1; empty or unreadable → "". */
export const localInputToIso = (local: string): string => {
  if (local.trim() === "") return ""
  const time = new Date(local)
  return Number.isNaN(time.getTime()) ? "" : time.toISOString()
}

const pad = (value: number): string => String(value).padStart(2, "0")

/** The inverse, to show a stored filter in the input again; "" stays "". */
export const isoToLocalInput = (iso: string): string => {
  if (iso === "") return ""
  const time = new Date(iso)
  if (Number.isNaN(time.getTime())) return ""
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}T${pad(time.getHours())}:${pad(time.getMinutes())}`
}
