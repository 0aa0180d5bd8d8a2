/**
 * The input fields of the selected node, generated from its block's input schema (schema-form.ts, one
 * schema-field.ts per pin): text, number, boolean, enum, nested objects, lists and dictionaries, JSON for the
 * rest; secret pins masked; advanced pins folded. A pin fed by a link shows a disabled field naming where its
 * value comes from (`from calc.result`), and a pin the gateway found a problem with shows that problem. Content
 * projected into it (the editor's Connect… control, link-picker.ts) ends the node's section.
 */
import { NgTemplateOutlet } from "@angular/common"
import { ChangeDetectionStrategy, Component, computed, input, output } from "@angular/core"
import type { BlockDescriptor, GraphNode } from "../api/api-types"
import type { LinkEnds } from "./editor-document"
import { SchemaField } from "./schema-field"
import { generateForm } from "./schema-form"

export interface InputChange {
  readonly pin: string
  readonly value: unknown
}

/** The pin a sink name feeds: `values_#_name` feeds part of `values`. */
export const basePin = (sinkName: string): string => sinkName.replace(/_[#$@]_.*$/, "")

/** Where each linked pin's value comes from: `from calc.result`, with the part a link fills when it is one. */
export const linkSources = (inbound: ReadonlyArray<LinkEnds>): ReadonlyMap<string, string> => {
  const sources = new Map<string, Array<string>>()
  for (const link of inbound) {
    const pin = basePin(link.sinkName)
    const part = pin === link.sinkName ? "" : ` (${link.sinkName})`
    sources.set(pin, [...(sources.get(pin) ?? []), `${link.sourceId}.${link.sourceName}${part}`])
  }
  return new Map([...sources].map(([pin, list]) => [pin, `from ${list.join(", ")}`]))
}

@Component({
  selector: "weft-node-form",
  imports: [NgTemplateOutlet, SchemaField],
  templateUrl: "./node-form.html",
  styleUrl: "./node-form.css",
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class NodeForm {
  readonly node = input.required<GraphNode>()
  readonly block = input<BlockDescriptor | undefined>()
  /** The links into this node. */
  readonly inbound = input<ReadonlyArray<LinkEnds>>([])
  /** Problems the gateway reported, by pin. */
  readonly pinProblems = input<ReadonlyMap<string, ReadonlyArray<string>>>(new Map())
  readonly readOnly = input(false)
  readonly changed = output<InputChange>()

  protected readonly sources = computed(() => linkSources(this.inbound()))
  protected readonly form = computed(() =>
    generateForm(
      this.block()?.inputSchema,
      this.inbound().map((l) => l.sinkName)
    )
  )

  protected fieldId(pin: string): string {
    return `pin-${this.node().id}-${pin}`
  }

  protected value(pin: string): unknown {
    return this.node().inputDefault[pin]
  }

  protected problems(pin: string): ReadonlyArray<string> {
    return this.pinProblems().get(pin) ?? []
  }
}
