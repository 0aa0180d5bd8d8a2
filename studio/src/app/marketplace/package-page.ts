/**
 * A marketplace package (`/marketplace/:name`): what it is, its readme (as plain text structure, never as HTML),
 * its versions with the blocks and permissions of the chosen one, and install / upgrade / uninstall. A refused
 * uninstall lists the graphs that still use the version, each a link to it.
 */
import { DatePipe } from "@angular/common"
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from "@angular/core"
import { RouterLink } from "@angular/router"
import { PackageStore } from "./package-store"
import { describePermissions, readPermissions } from "./plugin-permissions"
import { readmeBlocks } from "./readme-blocks"

@Component({
  selector: "weft-package-page",
  imports: [DatePipe, RouterLink],
  providers: [PackageStore],
  templateUrl: "./package-page.html",
  styleUrl: "./package-page.css",
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class PackagePage {
  /** The route parameter (withComponentInputBinding); scoped names arrive decoded (`@scope/name`). */
  readonly name = input.required<string>()

  protected readonly store = inject(PackageStore)
  protected readonly readme = computed(() => readmeBlocks(this.store.detail()?.readme ?? ""))
  protected readonly permissions = computed(() => {
    const selected = this.store.selected()
    return selected === null ? [] : describePermissions(readPermissions(selected.permissions))
  })
  /** The installed versions other than the chosen one: installing the chosen one can replace them. */
  protected readonly otherInstalled = computed(() =>
    this.store.installed().filter((i) => i.version !== this.store.selected()?.version)
  )

  constructor() {
    effect(() => {
      const name = this.name()
      untracked(() => void this.store.load(name))
    })
  }

  protected chooseVersion(event: Event): void {
    if (event.target instanceof HTMLSelectElement) this.store.select(event.target.value)
  }

  protected async uninstall(version: string): Promise<void> {
    if (globalThis.confirm?.(`Uninstall ${this.name()}@${version}? Its blocks leave the palette.`) === false) return
    await this.store.uninstall(version)
  }
}
