import { describe, expect, it } from "vitest"
import { plainInline, readmeBlocks } from "./readme-blocks"

describe("readmeBlocks", () => {
  it("reads headings, paragraphs, lists and fenced code", () => {
    const blocks = readmeBlocks(
      [
        "# Echo",
        "",
        "Repeats its **input**",
        "as `text`.",
        "",
        "- one",
        "- two",
        "  continued",
        "1. first",
        "",
        "```ts",
        "const x = '<b>'",
        "",
        "```",
        "### Deep ##"
      ].join("\n")
    )
    expect(blocks).toEqual([
      { kind: "heading", level: 1, text: "Echo" },
      { kind: "paragraph", text: "Repeats its input as text." },
      { kind: "list", ordered: false, items: ["one", "two continued"] },
      { kind: "list", ordered: true, items: ["first"] },
      { kind: "code", text: "const x = '<b>'\n" },
      { kind: "heading", level: 3, text: "Deep" }
    ])
  })

  it("keeps HTML as literal text for the template to escape", () => {
    expect(readmeBlocks("<script>alert(1)</script>")).toEqual([
      { kind: "paragraph", text: "<script>alert(1)</script>" }
    ])
  })

  it("an unclosed fence runs to the end", () => {
    expect(readmeBlocks("```\ncode")).toEqual([{ kind: "code", text: "code" }])
  })
})

describe("plainInline", () => {
  it("shows links as their label and address", () => {
    expect(plainInline("see [the docs](https://x.dev/a) and [top](#top)")).toBe(
      "see the docs (https://x.dev/a) and top"
    )
  })
})
