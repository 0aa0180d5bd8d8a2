/**
 * The version history panel: every stored version of the graph, newest first, with its save time, the
 * message given when it was saved, which one is active (what runs and webhooks use by default) and which one
 * the draft follows. A version opens on the canvas (read-only unless it is the draft's) or becomes active.
 */
import { DatePipe } from "@angular/common"
import { ChangeDetectionStrategy, Component, computed, inject, input } from "@angular/core"
import type { Graph } from "../api/api-types"
import { EditorStore } from "./editor-store"
import { VersionStore } from "./version-store"

@Component({
  selector: "weft-version-history",
  imports: [DatePipe],
  templateUrl: "./version-history.html",
  styleUrl: "./version-history.css",
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class VersionHistory {
  readonly graphId = input.required<string>()

  protected readonly versions = inject(VersionStore)
  protected readonly editor = inject(EditorStore)
  /** The version on the canvas. */
  protected readonly shown = computed(() => this.editor.version())

  protected open(graph: Graph): void {
    this.versions.view(graph)
  }

  protected setActive(graph: Graph): void {
    void this.versions.setActive(this.graphId(), graph.version)
  }
}
