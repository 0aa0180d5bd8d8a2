/**
 * One marketplace package page: the package's detail (readme, versions newest first, blocks and permissions of
 * each), the versions of it installed in the caller's workspace, and install / upgrade / uninstall. Every change
 * ends with the block catalogue reloaded, so that the editor's palette shows the new blocks at once. An uninstall
 * refused because active graphs use the version keeps those graphs to show them.
 */
import { computed, Injectable, inject, signal } from "@angular/core"
import type { GraphUsingPlugin, InstalledPlugin, MarketplaceDetail, UpgradeOutcome } from "../api/api-types"
import { GatewayApi } from "../api/gateway-api"
import { graphsUsingPackage } from "../api/problem-details"
import { problemMessage } from "../api/problem-message"
import { BlocksStore } from "../editor/blocks-store"

/** What an upgrade did, in words. */
export const upgradeSummary = (name: string, outcome: UpgradeOutcome): string => {
  const parts = [`Installed ${name}@${outcome.installed}.`]
  if (outcome.removed.length > 0) parts.push(`Removed ${outcome.removed.join(", ")}.`)
  for (const kept of outcome.kept) {
    parts.push(`Kept ${kept.version}: used by ${kept.graphs.map((g) => `"${g.name}"`).join(", ")}.`)
  }
  return parts.join(" ")
}

@Injectable()
export class PackageStore {
  private readonly api = inject(GatewayApi)
  private readonly blocks = inject(BlocksStore)
  private readonly detailState = signal<MarketplaceDetail | null>(null)
  private readonly installedState = signal<ReadonlyArray<InstalledPlugin>>([])
  private readonly selectedState = signal<string | null>(null)
  private readonly loadingState = signal(false)
  private readonly busyState = signal(false)
  private readonly errorState = signal<string | null>(null)
  private readonly noticeState = signal<string | null>(null)
  private readonly blockingGraphsState = signal<ReadonlyArray<GraphUsingPlugin>>([])

  readonly detail = this.detailState.asReadonly()
  readonly loading = this.loadingState.asReadonly()
  /** An install, upgrade or uninstall is under way. */
  readonly busy = this.busyState.asReadonly()
  readonly error = this.errorState.asReadonly()
  /** What the last successful change did. */
  readonly notice = this.noticeState.asReadonly()
  /** The active graphs that kept the last uninstall from happening. */
  readonly blockingGraphs = this.blockingGraphsState.asReadonly()
  /** Installed versions of this package, newest install first. */
  readonly installed = computed(() =>
    [...this.installedState()].sort((a, b) => b.installedAt.localeCompare(a.installedAt))
  )
  readonly installedVersions = computed(() => new Set(this.installedState().map((i) => i.version)))
  readonly selected = computed(() => {
    const versions = this.detailState()?.versions ?? []
    return versions.find((v) => v.version === this.selectedState()) ?? versions[0] ?? null
  })

  async load(name: string): Promise<void> {
    this.loadingState.set(true)
    this.errorState.set(null)
    this.detailState.set(null)
    try {
      const [detail, installs] = await Promise.all([this.api.packageDetail(name), this.api.installs()])
      this.detailState.set(detail)
      this.installedState.set(installs.filter((i) => i.package === detail.name))
      const stable = detail.versions.find((v) => v.deprecated === null) ?? detail.versions[0]
      this.selectedState.set(stable?.version ?? null)
    } catch (error) {
      this.errorState.set(problemMessage(error))
    } finally {
      this.loadingState.set(false)
    }
  }

  select(version: string): void {
    this.selectedState.set(version)
  }

  install(version: string): Promise<void> {
    return this.change(async (name) => {
      const installed = await this.api.installPlugin(name, version)
      this.installedState.update((list) => [...list.filter((i) => i.version !== installed.version), installed])
      return `Installed ${name}@${installed.version}.`
    })
  }

  /** Installs `version` and lets the gateway remove the older versions no active graph uses. */
  upgrade(version: string): Promise<void> {
    return this.change(async (name) => {
      const outcome = await this.api.upgradePlugin(name, version)
      const installedAt = new Date().toISOString()
      this.installedState.update((list) => [
        ...list.filter((i) => i.version !== outcome.installed && !outcome.removed.includes(i.version)),
        { package: name, version: outcome.installed, installedAt }
      ])
      return upgradeSummary(name, outcome)
    })
  }

  uninstall(version: string): Promise<void> {
    return this.change(async (name) => {
      await this.api.uninstallPlugin(name, version)
      this.installedState.update((list) => list.filter((i) => i.version !== version))
      return `Uninstalled ${name}@${version}.`
    })
  }

  private async change(run: (name: string) => Promise<string>): Promise<void> {
    const name = this.detailState()?.name
    if (name === undefined || this.busyState()) return
    this.busyState.set(true)
    this.errorState.set(null)
    this.noticeState.set(null)
    this.blockingGraphsState.set([])
    try {
      this.noticeState.set(await run(name))
      await this.blocks.reload()
    } catch (error) {
      const graphs = graphsUsingPackage(error)
      this.blockingGraphsState.set(graphs)
      this.errorState.set(
        graphs.length > 0
          ? "This version is still used by these active graphs: move them to another version first."
          : problemMessage(error)
      )
    } finally {
      this.busyState.set(false)
    }
  }
}
