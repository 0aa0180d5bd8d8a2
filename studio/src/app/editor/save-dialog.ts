/**
 * The save popover: a new version is stored with an optional message saying what changed, which the gateway
 * keeps beside the version and the version history shows. Enter saves, Escape closes.
 */
import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, input, output } from "@angular/core"
import { versionMessageMaxLength } from "../api/api-types"

@Component({
  selector: "weft-save-dialog",
  templateUrl: "./save-dialog.html",
  styleUrl: "./save-dialog.css",
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { "(keydown.escape)": "closed.emit()" }
})
export class SaveDialog {
  /** The version the save will create. */
  readonly nextVersion = input<number | null>(null)
  readonly busy = input(false)
  protected readonly maxLength = versionMessageMaxLength
  readonly save = output<string>()
  readonly closed = output<void>()

  constructor() {
    const host: HTMLElement = inject(ElementRef).nativeElement
    afterNextRender(() => host.querySelector<HTMLElement>("input")?.focus())
  }

  protected submit(event: Event, message: string): void {
    event.preventDefault()
    this.save.emit(message)
  }
}
