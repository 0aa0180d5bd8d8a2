/**
 * One input field of a node, generated from its JSON Schema (schema-form.ts), and recursive: an object of
 * declared fields shows those fields, a list of simple items shows one row per item (add, remove), a dictionary
 * of simple values one row per entry (key and value), and anything else a JSON text area. Secret fields never
 * show their value back. Every change is emitted as the whole new value of the field.
 */
import { ChangeDetectionStrategy, Component, computed, input, output, signal } from "@angular/core"
import { isRecord } from "./json-schema"
import { blankValue, editorOf, type FieldDescriptor, formatFieldValue, parseFieldValue } from "./schema-form"

type Entries = ReadonlyArray<readonly [string, unknown]>

/** A key not yet in `taken`: `key`, `key2`, ... */
const freshKey = (taken: ReadonlySet<string>): string => {
  for (let n = 1; ; n++) {
    const key = n === 1 ? "key" : `key${n}`
    if (!taken.has(key)) return key
  }
}

@Component({
  selector: "weft-schema-field",
  templateUrl: "./schema-field.html",
  styleUrl: "./schema-field.css",
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class SchemaField {
  readonly field = input.required<FieldDescriptor>()
  readonly value = input<unknown>(undefined)
  /** A unique DOM id for the field's control (nested fields extend it). */
  readonly path = input.required<string>()
  readonly disabled = input(false)
  /** The accessible name of the control, when it is not the field's own label (a list item, an entry). */
  readonly ariaLabel = input<string | null>(null)
  readonly valueChange = output<unknown>()

  protected readonly problem = signal<string | null>(null)
  protected readonly editor = computed(() => editorOf(this.field()))
  protected readonly text = computed(() => formatFieldValue(this.value()))
  protected readonly items = computed((): ReadonlyArray<unknown> => {
    const value = this.value()
    return Array.isArray(value) ? value : []
  })
  protected readonly entries = computed((): Entries => {
    const value = this.value()
    return isRecord(value) ? Object.entries(value) : []
  })
  protected readonly label = computed(() => this.ariaLabel() ?? this.field().label)

  protected placeholder(): string {
    const field = this.field()
    if (field.secret) return this.text() !== "" ? "••••••••" : ""
    return field.placeholder !== "" ? field.placeholder : formatFieldValue(field.defaultValue)
  }

  protected checked(): boolean {
    return (this.value() ?? this.field().defaultValue) === true
  }

  protected childValue(name: string): unknown {
    const value = this.value()
    return isRecord(value) ? value[name] : undefined
  }

  /** A scalar or JSON control changed: parse it, keep the problem next to it, emit only what parses. */
  protected edit(event: Event): void {
    const target = event.target
    let typed = ""
    if (target instanceof HTMLInputElement) typed = target.type === "checkbox" ? String(target.checked) : target.value
    else if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) typed = target.value
    const parsed = parseFieldValue(this.field(), typed)
    this.problem.set(parsed.ok ? null : parsed.reason)
    if (parsed.ok) this.valueChange.emit(parsed.value)
  }

  protected editChild(name: string, child: unknown): void {
    const current = this.value()
    const base: Record<string, unknown> = isRecord(current) ? { ...current } : {}
    if (child === undefined) delete base[name]
    else base[name] = child
    this.valueChange.emit(Object.keys(base).length === 0 ? undefined : base)
  }

  protected editItem(index: number, item: unknown): void {
    this.valueChange.emit(this.items().map((current, i) => (i === index ? item : current)))
  }

  protected removeItem(index: number): void {
    const items = this.items().filter((_, i) => i !== index)
    this.valueChange.emit(items.length === 0 ? undefined : items)
  }

  protected addItem(): void {
    const item = this.field().item
    if (item !== null) this.valueChange.emit([...this.items(), blankValue(item)])
  }

  protected renameEntry(key: string, event: Event): void {
    const renamed = event.target instanceof HTMLInputElement ? event.target.value.trim() : key
    const entries = this.entries()
    if (renamed === "" || renamed === key || entries.some(([k]) => k === renamed)) {
      this.problem.set(renamed === "" || renamed === key ? null : `The key "${renamed}" is already used`)
      return
    }
    this.problem.set(null)
    this.valueChange.emit(Object.fromEntries(entries.map(([k, v]) => [k === key ? renamed : k, v])))
  }

  protected editEntry(key: string, entry: unknown): void {
    this.valueChange.emit(Object.fromEntries(this.entries().map(([k, v]) => [k, k === key ? entry : v])))
  }

  protected removeEntry(key: string): void {
    const entries = this.entries().filter(([k]) => k !== key)
    this.valueChange.emit(entries.length === 0 ? undefined : Object.fromEntries(entries))
  }

  protected addEntry(): void {
    const entry = this.field().entry
    if (entry === null) return
    const key = freshKey(new Set(this.entries().map(([k]) => k)))
    this.valueChange.emit(Object.fromEntries([...this.entries(), [key, blankValue(entry)]]))
  }
}
