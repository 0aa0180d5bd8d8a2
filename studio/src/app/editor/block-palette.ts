/**
 * The block palette: the catalogue grouped by category, filtered by a search box. A block is added by dragging
 * it onto the canvas, or by pressing its button (keyboard users), which drops it near the canvas origin.
 */
import { ChangeDetectionStrategy, Component, inject, output } from "@angular/core"
import type { BlockDescriptor } from "../api/api-types"
import { BlocksStore, blockKey } from "./blocks-store"

/** The drag data type the canvas accepts. */
export const blockDragType = "application/x-weft-block"

@Component({
  selector: "weft-block-palette",
  templateUrl: "./block-palette.html",
  styleUrl: "./block-palette.css",
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class BlockPalette {
  protected readonly store = inject(BlocksStore)
  readonly add = output<BlockDescriptor>()
  protected readonly key = blockKey

  protected textOf(event: Event): string {
    return event.target instanceof HTMLInputElement ? event.target.value : ""
  }

  protected dragStart(event: DragEvent, block: BlockDescriptor): void {
    event.dataTransfer?.setData(blockDragType, blockKey(block))
    if (event.dataTransfer !== null) event.dataTransfer.effectAllowed = "copy"
  }
}
