/** The "?" popover: every keyboard shortcut of the editor, named the way the platform names its keys. */
import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, output } from "@angular/core"
import { isMac, shortcutHelp } from "./editor-shortcuts"

@Component({
  selector: "weft-shortcut-help",
  templateUrl: "./shortcut-help.html",
  styleUrl: "./shortcut-help.css",
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { "(keydown.escape)": "closed.emit()" }
})
export class ShortcutHelp {
  readonly closed = output<void>()
  protected readonly shortcuts = shortcutHelp(isMac())

  constructor() {
    const host: HTMLElement = inject(ElementRef).nativeElement
    afterNextRender(() => host.querySelector<HTMLElement>("button")?.focus())
  }
}
