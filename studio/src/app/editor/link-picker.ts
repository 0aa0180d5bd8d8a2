/**
 * Connect…: the keyboard's way to make a link, shown in the selected node's panel. It lists the node's inputs
 * that no link feeds and, for the chosen one, every output of the other nodes (link-candidates.ts): those the
 * pin-compatibility rule accepts can be picked, the refused ones are listed disabled with the reason. Adding
 * goes through `EditorStore.connect`, the same check a dragged link gets, and the notice line says what was
 * linked (or why not).
 */
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  Injector,
  inject,
  input,
  linkedSignal,
  viewChild
} from "@angular/core"
import type { GraphNode } from "../api/api-types"
import { EditorStore } from "./editor-store"
import { type InputCandidates, linkCandidates, type SourceCandidate } from "./link-candidates"

/** A source's `<option>` value. */
export const sourceKey = (source: { readonly sourceId: string; readonly sourcePin: string }): string =>
  JSON.stringify([source.sourceId, source.sourcePin])

@Component({
  selector: "weft-link-picker",
  templateUrl: "./link-picker.html",
  styleUrl: "./link-picker.css",
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class LinkPicker {
  /** The sink: the node whose inputs get linked. */
  readonly node = input.required<GraphNode>()

  private readonly store = inject(EditorStore)
  private readonly injector = inject(Injector)
  private readonly inputSelect = viewChild<ElementRef<HTMLSelectElement>>("inputSelect")
  private readonly toggle = viewChild.required<ElementRef<HTMLButtonElement>>("toggle")

  /** Closed again whenever another node is shown. */
  protected readonly open = linkedSignal<string, boolean>({ source: () => this.node().id, computation: () => false })
  /** Worked out only while the control is open: it checks every output of the graph against each input. */
  protected readonly inputs = computed((): ReadonlyArray<InputCandidates> => {
    if (!this.open()) return []
    return linkCandidates(this.node(), {
      nodes: this.store.nodes(),
      links: this.store.links(),
      blockOf: (node) => this.store.blockOf(node),
      check: (sourceId, sourcePin, sinkId, sinkPin) => this.store.check(sourceId, sourcePin, sinkId, sinkPin)
    })
  })
  private readonly pickedPin = linkedSignal<string, string | null>({
    source: () => this.node().id,
    computation: () => null
  })
  protected readonly chosen = computed(() => {
    const inputs = this.inputs()
    return inputs.find((i) => i.pin === this.pickedPin()) ?? inputs[0]
  })
  protected readonly compatible = computed(() => this.chosen()?.sources.filter((s) => s.refusal === null) ?? [])
  protected readonly refused = computed(() => this.chosen()?.sources.filter((s) => s.refusal !== null) ?? [])
  /** The picked source's key; forgotten when another input is chosen. */
  protected readonly pickedSource = linkedSignal<string | undefined, string>({
    source: () => this.chosen()?.pin,
    computation: () => ""
  })
  protected readonly source = computed(() => this.compatible().find((s) => sourceKey(s) === this.pickedSource()))
  protected readonly key = sourceKey

  protected ids(part: string): string {
    return `connect-${this.node().id}-${part}`
  }

  protected valueOf(event: Event): string {
    return event.target instanceof HTMLSelectElement ? event.target.value : ""
  }

  protected pickInput(pin: string): void {
    this.pickedPin.set(pin)
  }

  protected pickSource(key: string): void {
    this.pickedSource.set(key)
  }

  protected connect(event: Event): void {
    event.preventDefault()
    const chosen = this.chosen()
    const source = this.source()
    if (chosen === undefined || source === undefined) return
    const sink = this.node().id
    if (!this.store.connect(source.sourceId, source.sourcePin, sink, chosen.pin).ok) return
    this.store.setNotice(`Linked ${source.sourceId}.${source.sourcePin} to ${sink}.${chosen.pin}`)
    this.pickedPin.set(null)
    // The linked input leaves the list and the Add button is disabled again: keep the focus in the control.
    afterNextRender(() => (this.inputSelect() ?? this.toggle()).nativeElement.focus(), { injector: this.injector })
  }

  protected label(source: SourceCandidate): string {
    return `${source.sourceId} · ${source.sourcePin}`
  }
}
