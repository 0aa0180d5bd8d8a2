/**
 * A deliberately small Markdown reader for package readmes: headings, fenced code, bullet and numbered lists and
 * paragraphs become plain data that the template renders with text interpolation. No HTML from the readme ever
 * reaches the page (no innerHTML), so a hostile readme can at worst look odd.
 */

export type ReadmeBlock =
  | { readonly kind: "heading"; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: "code"; readonly text: string }
  | { readonly kind: "list"; readonly ordered: boolean; readonly items: ReadonlyArray<string> }
  | { readonly kind: "paragraph"; readonly text: string }

const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/
const bullet = /^\s*[-*+]\s+(.*)$/
const numbered = /^\s*\d+[.)]\s+(.*)$/
const fence = /^\s*(```|~~~)/

/** Drops the inline markers that would otherwise show as noise: emphasis, inline code ticks, link targets. */
export const plainInline = (text: string): string =>
  text
    .replace(/!?\[([^\]]*)\]\(([^)\s]*)[^)]*\)/g, (_, label: string, url: string) =>
      label === "" ? url : url === "" || url.startsWith("#") ? label : `${label} (${url})`
    )
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/`([^`]+)`/g, "$1")

export const readmeBlocks = (markdown: string): ReadonlyArray<ReadmeBlock> => {
  const blocks: Array<ReadmeBlock> = []
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n")
  let paragraph: Array<string> = []
  let list: { ordered: boolean; items: Array<string> } | null = null
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: "paragraph", text: plainInline(paragraph.join(" ")) })
    if (list !== null) blocks.push({ kind: "list", ordered: list.ordered, items: list.items })
    paragraph = []
    list = null
  }
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? ""
    const opening = fence.exec(line)
    if (opening !== null) {
      flush()
      const code: Array<string> = []
      for (
        index++;
        index < lines.length && !(lines[index] ?? "").trimStart().startsWith(opening[1] ?? "```");
        index++
      ) {
        code.push(lines[index] ?? "")
      }
      blocks.push({ kind: "code", text: code.join("\n") })
      continue
    }
    const title = heading.exec(line)
    const item = bullet.exec(line) ?? numbered.exec(line)
    if (line.trim() === "") flush()
    else if (title !== null) {
      flush()
      const level = Math.min(title[1]?.length ?? 1, 3)
      blocks.push({ kind: "heading", level: level === 1 ? 1 : level === 2 ? 2 : 3, text: plainInline(title[2] ?? "") })
    } else if (item !== null) {
      const ordered = numbered.test(line)
      if (paragraph.length > 0 || (list !== null && list.ordered !== ordered)) flush()
      list ??= { ordered, items: [] }
      list.items.push(plainInline(item[1] ?? ""))
    } else if (list !== null && /^\s{2,}\S/.test(line)) {
      const items = list.items
      items[items.length - 1] = `${items[items.length - 1] ?? ""} ${plainInline(line.trim())}`
    } else {
      if (list !== null) flush()
      paragraph.push(line.trim())
    }
  }
  flush()
  return blocks
}
