/** A run status as a small coloured label (the text is the status itself, so colour is never the only cue). */
import { ChangeDetectionStrategy, Component, computed, input } from "@angular/core"
import type { ExecutionStatus } from "../api/api-types"

@Component({
  selector: "weft-status-badge",
  templateUrl: "./status-badge.html",
  styleUrl: "./status-badge.css",
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class StatusBadge {
  readonly status = input.required<ExecutionStatus>()
  protected readonly label = computed(() => this.status().toLowerCase())
}
