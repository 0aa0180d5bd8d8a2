/**
 * Reads the structured fields of the gateway's RFC 9457 problems (gateway/src/ApiProblems.ts) into readable
 * lines: an invalid graph's issues and file problems, a rejected request's schema errors, and the graphs that keep
 * a plugin version installed. `problemMessage` gives the one-sentence summary; these give the details under it.
 */
import { HttpErrorResponse } from "@angular/common/http"
import type { GraphUsingPlugin } from "./api-types"

type Fields = { readonly [key: string]: unknown }

const isRecord = (value: unknown): value is Fields => typeof value === "object" && value !== null

const arrayOf = (body: Fields, key: string): ReadonlyArray<Fields> => {
  const value = body[key]
  return Array.isArray(value) ? value.filter(isRecord) : []
}

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined)

/** The problem body of a failed request, when the gateway sent one. */
export const problemBody = (error: unknown): Fields | null =>
  error instanceof HttpErrorResponse && isRecord(error.error) ? error.error : null

/** `["payload", "nodes", 0, "blok"]` → `nodes[0].blok` (the request slot says nothing to a person). */
const formatPath = (path: ReadonlyArray<unknown>): string => {
  let out = ""
  for (const [index, key] of path.entries()) {
    if (index === 0 && (key === "payload" || key === "query" || key === "params")) continue
    if (typeof key === "number") out += `[${key}]`
    else out += out === "" ? String(key) : `.${String(key)}`
  }
  return out
}

const issueLine = (issue: Fields): string | null => {
  const message = text(issue["message"])
  if (message === undefined) return null
  const nodeId = text(issue["nodeId"])
  const pin = text(issue["pin"])
  // The runtime's messages usually name the node already; prefix it only when they do not.
  if (nodeId === undefined || message.includes(`"${nodeId}"`)) return message
  return `node "${nodeId}"${pin === undefined ? "" : `, pin "${pin}"`}: ${message}`
}

const fileProblemLine = (problem: Fields): string | null => {
  const message = text(problem["message"])
  if (message === undefined) return null
  const path = text(problem["path"]) ?? ""
  const line = problem["line"]
  const column = problem["column"]
  const position =
    typeof line === "number" ? ` (line ${line}${typeof column === "number" ? `, column ${column}` : ""})` : ""
  return `${path === "" ? "" : `${path}: `}${message}${position}`
}

const schemaErrorLine = (entry: Fields): string | null => {
  const message = text(entry["message"])
  if (message === undefined) return null
  const path = Array.isArray(entry["path"]) ? formatPath(entry["path"]) : ""
  return path === "" ? message : `${path}: ${message}`
}

/**
 * One line per problem the gateway listed: graph validation issues, graph file problems and request schema
 * errors (a 400 with `errors`). Empty when the problem carried no list.
 */
export const problemLines = (error: unknown): ReadonlyArray<string> => {
  const body = problemBody(error)
  if (body === null) return []
  const lines = [
    ...arrayOf(body, "fileProblems").map(fileProblemLine),
    ...arrayOf(body, "issues").map(issueLine),
    ...arrayOf(body, "errors").map(schemaErrorLine)
  ]
  return lines.filter((line): line is string => line !== null)
}

/** The graphs a 409 "package in use" problem names; empty for any other failure. */
export const graphsUsingPackage = (error: unknown): ReadonlyArray<GraphUsingPlugin> => {
  const body = problemBody(error)
  if (body === null || !(error instanceof HttpErrorResponse) || error.status !== 409) return []
  return arrayOf(body, "graphs").flatMap((graph) => {
    const id = text(graph["id"])
    const name = text(graph["name"])
    const version = graph["version"]
    return id !== undefined && name !== undefined && typeof version === "number" ? [{ id, name, version }] : []
  })
}
