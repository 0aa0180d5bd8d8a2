import { assert, describe, it } from "@effect/vitest"
import { Result } from "effect"
import * as fc from "fast-check"
import { renderTemplate, resolveTemplatePath } from "./TextTemplate.ts"

const render = (template: string, values: unknown): string => {
  const result = renderTemplate(template, values)
  if (Result.isFailure(result)) throw new Error(result.failure)
  return result.success
}

describe("renderTemplate", () => {
  it("substitutes names with or without spaces", () => {
    assert.strictEqual(render("Hello {{ name }}!", { name: "Ada" }), "Hello Ada!")
    assert.strictEqual(render("{{name}}{{  name  }}", { name: "x" }), "xx")
  })

  it("follows dotted paths into objects and lists", () => {
    const values = { user: { address: { city: "Oslo" } }, items: ["a", "b"] }
    assert.strictEqual(render("{{ user.address.city }} {{ items.1 }}", values), "Oslo b")
  })

  it("renders missing values as nothing and other values as JSON", () => {
    assert.strictEqual(render("[{{ missing }}][{{ a.b.c }}]", { a: 1 }), "[][]")
    assert.strictEqual(
      render("{{ n }} {{ t }} {{ z }} {{ o }} {{ l }}", { n: 1.5, t: true, z: null, o: { k: 1 }, l: [1] }),
      '1.5 true null {"k":1} [1]'
    )
  })

  it("never resolves prototype or constructor paths", () => {
    const values = { name: "x", list: [1] }
    assert.strictEqual(render("{{ __proto__ }}", values), "")
    assert.strictEqual(render("{{ constructor }}", values), "")
    assert.strictEqual(render("{{ name.constructor.name }}", values), "")
    assert.strictEqual(render("{{ list.constructor }}", values), "")
    assert.strictEqual(render("{{ name.length }}", values), "")
    assert.strictEqual(render("{{ toString }}", values), "")
    assert.strictEqual(render("{{ hasOwnProperty }}", values), "")
    assert.isUndefined(resolveTemplatePath({ a: { prototype: 1 } }, ["a", "prototype"]))
  })

  it("does not walk into class instances", () => {
    assert.strictEqual(render("{{ d.getTime }}", { d: new Date(0) }), "")
    assert.strictEqual(render("{{ m.size }}", { m: new Map() }), "")
  })

  it("rejects expressions beyond names and paths", () => {
    for (const template of ["{{ a + b }}", "{{ name | upper }}", "{{ f() }}", "{{ a['b'] }}", "{{ }}", "{{ 1a }}"]) {
      assert.isTrue(Result.isFailure(renderTemplate(template, { a: 1, b: 2, name: "n" })), template)
    }
  })

  it("leaves an unclosed placeholder as text", () => {
    assert.strictEqual(render("a {{ b", { b: 1 }), "a {{ b")
    assert.strictEqual(render("{{ b }} {{", { b: 1 }), "1 {{")
  })

  it("returns a template without placeholders unchanged", () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes("{{")),
        (text) => render(text, {}) === text
      )
    )
  })

  it("substitutes any string value verbatim, even one that looks like a placeholder", () => {
    fc.assert(fc.property(fc.string(), (value) => render("<{{ v }}>", { v: value }) === `<${value}>`))
  })
})
