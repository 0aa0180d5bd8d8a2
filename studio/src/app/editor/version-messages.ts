/**
 * The message a user gives a version when saving it. The gateway's graph file has no field for it (GraphFile is
 * strict and a graph version has no free-form metadata), so until it does, messages are kept in this browser's
 * localStorage, keyed by graph and version, and shown in the version history next to the version they name.
 */

const storageKey = (graphId: string) => `weft.versionMessages.${graphId}`

const storage = (): Storage | null => {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

export const readVersionMessages = (graphId: string): ReadonlyMap<number, string> => {
  const raw = storage()?.getItem(storageKey(graphId))
  if (raw === null || raw === undefined) return new Map()
  try {
    const parsed: unknown = JSON.parse(raw)
    if (typeof parsed !== "object" || parsed === null) return new Map()
    return new Map(
      Object.entries(parsed).flatMap(
        ([version, message]): Array<[number, string]> =>
          typeof message === "string" && Number.isInteger(Number(version)) ? [[Number(version), message]] : []
      )
    )
  } catch {
    return new Map()
  }
}

export const writeVersionMessage = (graphId: string, version: number, message: string): void => {
  const trimmed = message.trim()
  if (trimmed === "") return
  const messages = Object.fromEntries(readVersionMessages(graphId))
  messages[String(version)] = trimmed
  try {
    storage()?.setItem(storageKey(graphId), JSON.stringify(messages))
  } catch {
    // A full or disabled storage loses the message, never the save.
  }
}
