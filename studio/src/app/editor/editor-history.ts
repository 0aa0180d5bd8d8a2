/**
 * Undo and redo as two bounded stacks of document snapshots. Snapshots are immutable values that share their
 * unchanged parts, so keeping a hundred of them costs a hundred arrays of references, not a hundred graphs.
 * Pure and generic: the editor store decides when a change is worth a snapshot.
 */
export const defaultHistoryLimit = 100

export class EditorHistory<T> {
  private past: Array<T> = []
  private future: Array<T> = []

  constructor(private readonly limit = defaultHistoryLimit) {}

  get canUndo(): boolean {
    return this.past.length > 0
  }

  get canRedo(): boolean {
    return this.future.length > 0
  }

  get depth(): number {
    return this.past.length
  }

  /** Remembers `before`, the state a new change starts from; a new change makes the redo stack meaningless. */
  record(before: T): void {
    this.past.push(before)
    if (this.past.length > this.limit) this.past.splice(0, this.past.length - this.limit)
    this.future = []
  }

  /** The state to go back to from `current`, or null when there is none. */
  undo(current: T): T | null {
    const previous = this.past.pop()
    if (previous === undefined) return null
    this.future.push(current)
    return previous
  }

  redo(current: T): T | null {
    const next = this.future.pop()
    if (next === undefined) return null
    this.past.push(current)
    return next
  }

  clear(): void {
    this.past = []
    this.future = []
  }
}
