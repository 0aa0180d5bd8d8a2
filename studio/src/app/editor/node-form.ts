/**
 * The input fields of the selected node, generated from its block's input schema (schema-form.ts): text, number,
 * boolean, enum, JSON editors for objects and lists; secret pins masked; advanced pins folded; pins fed by a
 * link shown as such instead of an editor.
 */
import { NgTemplateOutlet } from "@angular/common"
import { ChangeDetectionStrategy, Component, computed, input, output, signal } from "@angular/core"
import type { BlockDescriptor, GraphNode } from "../api/api-types"
import { type FieldDescriptor, formatFieldValue, generateForm, parseFieldValue } from "./schema-form"

export interface InputChange {
  readonly pin: string
  readonly value: unknown
}

@Component({
  selector: "weft-node-form",
  imports: [NgTemplateOutlet],
  templateUrl: "./node-form.html",
  styleUrl: "./node-form.css",
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class NodeForm {
  readonly node = input.required<GraphNode>()
  readonly block = input<BlockDescriptor | undefined>()
  readonly linkedPins = input<ReadonlyArray<string>>([])
  readonly changed = output<InputChange>()

  protected readonly form = computed(() => generateForm(this.block()?.inputSchema, this.linkedPins()))
  protected readonly problems = signal<ReadonlyMap<string, string>>(new Map())

  protected text(field: FieldDescriptor): string {
    return formatFieldValue(this.node().inputDefault[field.name])
  }

  protected placeholder(field: FieldDescriptor): string {
    return field.placeholder !== "" ? field.placeholder : formatFieldValue(field.defaultValue)
  }

  protected checked(field: FieldDescriptor): boolean {
    const value = this.node().inputDefault[field.name] ?? field.defaultValue
    return value === true
  }

  protected problem(field: FieldDescriptor): string | undefined {
    return this.problems().get(field.name)
  }

  protected edit(field: FieldDescriptor, event: Event): void {
    const target = event.target
    let text = ""
    if (target instanceof HTMLInputElement) text = target.type === "checkbox" ? String(target.checked) : target.value
    else if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) text = target.value
    const parsed = parseFieldValue(field, text)
    this.problems.update((problems) => {
      const next = new Map(problems)
      if (parsed.ok) next.delete(field.name)
      else next.set(field.name, parsed.reason)
      return next
    })
    if (parsed.ok) this.changed.emit({ pin: field.name, value: parsed.value })
  }
}
