/** Saves a value as a pretty-printed JSON file through the browser's download (a temporary object URL). */

/** `My Graph: v2` → `my-graph-v2.json`; a name with nothing usable in it becomes `graph.json`. */
export const jsonFileName = (name: string): string => {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
  return `${slug === "" ? "graph" : slug}.json`
}

export const downloadJson = (document: Document, fileName: string, value: unknown): void => {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: "application/json" })
  const url = URL.createObjectURL(blob)
  const link = document.createElement("a")
  link.href = url
  link.download = fileName
  link.click()
  // The download has started once click() returns; the URL is released on the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
