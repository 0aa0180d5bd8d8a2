/**
 * The dialog that asks for a run's inputs before it starts: one field per AgentInput node (run-inputs.ts),
 * secret inputs masked, advanced ones folded, each showing the node's own value as what an empty field means.
 */
import { NgTemplateOutlet } from "@angular/common"
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
  signal
} from "@angular/core"
import { formatRunInput, type RunInputField, runInputs } from "./run-inputs"

@Component({
  selector: "weft-run-inputs-dialog",
  imports: [NgTemplateOutlet],
  templateUrl: "./run-inputs-dialog.html",
  styleUrl: "./run-inputs-dialog.css",
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { "(keydown.escape)": "cancelled.emit()" }
})
export class RunInputsDialog {
  readonly fields = input.required<ReadonlyArray<RunInputField>>()
  readonly start = output<Record<string, unknown>>()
  readonly cancelled = output<void>()

  private readonly typed = signal<ReadonlyMap<string, string>>(new Map())
  protected readonly basic = computed(() => this.fields().filter((f) => !f.advanced))
  protected readonly advanced = computed(() => this.fields().filter((f) => f.advanced))

  constructor() {
    const host: HTMLElement = inject(ElementRef).nativeElement
    afterNextRender(() => host.querySelector<HTMLElement>("input, button")?.focus())
  }

  protected placeholder(field: RunInputField): string {
    if (field.defaultValue === undefined) return "required"
    return field.secret ? "(the node's value)" : `${formatRunInput(field.defaultValue)} (the node's value)`
  }

  protected set(field: RunInputField, event: Event): void {
    const value = event.target instanceof HTMLInputElement ? event.target.value : ""
    this.typed.update((typed) => new Map(typed).set(field.name, value))
  }

  protected submit(event: Event): void {
    event.preventDefault()
    this.start.emit(runInputs(this.fields(), this.typed()))
  }
}
