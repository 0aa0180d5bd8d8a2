/**
 * The versions of the open graph (`GET /graphs/:id/versions`, each with the message it was saved with) and moving
 * between them: the draft (the latest
 * version plus unsaved edits) is the only editable state; viewing an older version stashes the draft and shows
 * the version read-only, from where the user goes back to the draft, starts a new draft from that version (undo
 * returns to the draft it replaced) or makes it the active version (`PUT /graphs/:id/active`).
 */
import { computed, Injectable, inject, signal } from "@angular/core"
import type { Graph } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { problemMessage } from "../api/problem-message"
import type { EditorDocument } from "./editor-document"
import { documentOf, EditorStore } from "./editor-store"

interface Draft {
  readonly graph: Graph | null
  readonly doc: EditorDocument
  readonly saved: EditorDocument
}

@Injectable()
export class VersionStore {
  private readonly api = inject(GatewayApi)
  private readonly editor = inject(EditorStore)
  private stash: Draft | null = null

  private readonly versionsState = signal<ReadonlyArray<Graph>>([])
  private readonly loadingState = signal(false)
  private readonly errorState = signal<string | null>(null)
  private readonly viewingState = signal<number | null>(null)

  /** Newest first. */
  readonly versions = this.versionsState.asReadonly()
  readonly loading = this.loadingState.asReadonly()
  readonly error = this.errorState.asReadonly()
  /** The read-only version on the canvas, or null while the draft is shown. */
  readonly viewing = this.viewingState.asReadonly()
  readonly latest = computed(() => this.versionsState()[0]?.version ?? null)
  readonly active = computed(() => this.versionsState().find((v) => v.isActive)?.version ?? null)

  /** Forgets everything about the previous graph (the editor opened another one). */
  reset(): void {
    this.stash = null
    this.viewingState.set(null)
    this.versionsState.set([])
    this.errorState.set(null)
  }

  async refresh(graphId: string): Promise<void> {
    this.loadingState.set(true)
    this.errorState.set(null)
    try {
      const versions = await this.api.graphVersions(graphId)
      this.versionsState.set([...versions].sort((a, b) => b.version - a.version))
    } catch (error) {
      this.errorState.set(problemMessage(error))
    } finally {
      this.loadingState.set(false)
    }
  }

  /**
   * `GET /graphs/:id` gives the active version, which is not the latest when an older one was made active: the
   * draft follows the latest, so it is opened instead as long as nothing was edited yet.
   */
  async openLatestDraft(graphId: string): Promise<void> {
    await this.refresh(graphId)
    const newest = this.versionsState()[0]
    const open = this.editor.version()
    if (newest === undefined || open === null || newest.version <= open) return
    if (this.editor.dirty() || this.editor.mode() !== "edit") return
    this.editor.open(newest, "edit")
    this.editor.setNotice(`Opened the latest draft, version ${newest.version} (version ${open} is active)`)
  }

  /** Shows a version: the draft's own version goes back to the draft, any other one is shown read-only. */
  view(graph: Graph): void {
    if (this.editor.mode() === "replay") return
    const draftVersion = this.stash?.graph?.version ?? (this.editor.mode() === "edit" ? this.editor.version() : null)
    if (graph.version === draftVersion) {
      this.backToDraft()
      return
    }
    if (this.stash === null) this.stash = this.editor.draft()
    this.editor.open(graph, "version", true)
    this.viewingState.set(graph.version)
  }

  backToDraft(): void {
    const stash = this.stash
    this.stash = null
    this.viewingState.set(null)
    if (stash !== null && stash.graph !== null) this.editor.restore(stash.graph, stash.doc, stash.saved, null)
  }

  /** Makes the viewed version's content the draft, on top of the latest version (saving stores it anew). */
  editFromViewed(): void {
    const stash = this.stash
    const viewed = this.editor.graph()
    if (stash === null || stash.graph === null || viewed === null) return
    this.stash = null
    this.viewingState.set(null)
    this.editor.restore(stash.graph, documentOf(viewed), stash.saved, stash.doc)
    this.editor.setNotice(`Editing from version ${viewed.version}: saving stores it as a new version`)
  }

  async setActive(graphId: string, version: number): Promise<void> {
    this.errorState.set(null)
    try {
      const active = await this.api.setActiveVersion(graphId, version)
      this.versionsState.update((versions) => versions.map((v) => ({ ...v, isActive: v.version === active.version })))
      this.editor.setNotice(`Version ${active.version} is now the active version`)
    } catch (error) {
      this.errorState.set(problemMessage(error))
    }
  }

  /**
   * A save added a version: list it (it is the active one now, and carries its message) without fetching every
   * version again.
   */
  added(graph: Graph): void {
    this.versionsState.update((versions) => [
      graph,
      ...versions
        .filter((v) => v.version !== graph.version)
        .map((v) => ({ ...v, isActive: graph.isActive ? false : v.isActive }))
    ])
  }
}
