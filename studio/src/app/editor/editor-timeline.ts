/**
 * The document's timeline: the current document, the last saved one (unsaved = not the same value), and the
 * undo/redo history between them (editor-history.ts), one step per committed change. It also counts the jumps
 * (undo, redo, opening another document) after which the canvas must re-read node positions.
 */
import { computed, signal } from "@angular/core"
import type { EditorDocument } from "./editor-document"
import { EditorHistory } from "./editor-history"

export const emptyDocument: EditorDocument = { name: "", nodes: [], links: [] }

export class EditorTimeline {
  private readonly history = new EditorHistory<EditorDocument>()

  private readonly docState = signal<EditorDocument>(emptyDocument)
  private readonly savedState = signal<EditorDocument>(emptyDocument)
  private readonly revision = signal(0)
  private readonly jumpState = signal(0)

  readonly document = this.docState.asReadonly()
  readonly saved = this.savedState.asReadonly()
  readonly changed = computed(() => this.docState() !== this.savedState())
  readonly canUndo = computed(() => this.revision() >= 0 && this.history.canUndo)
  readonly canRedo = computed(() => this.revision() >= 0 && this.history.canRedo)
  /**
   * Counts the changes that did not come from the canvas (undo, redo, opening a version): after one, the canvas
   * moves its nodes to the document's positions. Moves made on the canvas do not count: the canvas has them.
   */
  readonly jumps = this.jumpState.asReadonly()

  /** Starts over from `doc` (saved as it is); the history goes too unless `keepHistory`. */
  reset(doc: EditorDocument, keepHistory: boolean): void {
    if (!keepHistory) this.history.clear()
    this.put(doc, doc)
  }

  /** Puts back a stashed document; with `recordFrom`, one undo step leads back to that document. */
  restore(doc: EditorDocument, saved: EditorDocument, recordFrom: EditorDocument | null): void {
    if (recordFrom !== null && recordFrom !== doc) this.history.record(recordFrom)
    this.put(doc, saved)
  }

  markSaved(doc: EditorDocument): void {
    this.savedState.set(doc)
  }

  /** Makes `next` the document as one undo step; false when nothing changed. */
  commit(next: EditorDocument): boolean {
    const before = this.docState()
    if (next === before) return false
    this.history.record(before)
    this.docState.set(next)
    this.revision.update((n) => n + 1)
    return true
  }

  undo(): boolean {
    return this.travel(this.history.undo(this.docState()))
  }

  redo(): boolean {
    return this.travel(this.history.redo(this.docState()))
  }

  private travel(next: EditorDocument | null): boolean {
    if (next === null) return false
    this.docState.set(next)
    this.revision.update((n) => n + 1)
    this.jumpState.update((n) => n + 1)
    return true
  }

  private put(doc: EditorDocument, saved: EditorDocument): void {
    this.docState.set(doc)
    this.savedState.set(saved)
    this.revision.update((n) => n + 1)
    this.jumpState.update((n) => n + 1)
  }
}
