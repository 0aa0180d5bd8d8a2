/**
 * Finds the block a graph node names. `{ id }` (optionally with the exact `version`) names a built-in;
 * `{ package, version, id }` a block of a plugin package. Plugin versions come from `plugins` (fixed) or are
 * loaded on first use by `load` (the registry's installer and sandbox), so a run landing on any runner finds the
 * version its graph pinned without a restart. `resolveSync` exists for the pure validation and compile code,
 * which runs no effects: callers `ensure` a graph's packages first.
 */
import type { AnyBlock } from "@weft/block-sdk"
import { Context, Effect, Layer, Schema, Semaphore } from "effect"
import type { BlockRef } from "../model/Graph.ts"
import { type BlockServices, builtinBlocks } from "./BuiltinBlocks.ts"

export class UnknownBlockError extends Schema.TaggedError<UnknownBlockError>()("UnknownBlockError", {
  blockId: Schema.String,
  version: Schema.optionalKey(Schema.String),
  package: Schema.optionalKey(Schema.String),
  /** Why a plugin version could not be loaded, when it could not. */
  reason: Schema.optionalKey(Schema.String)
}) {
  override get message(): string {
    const version = this.version === undefined ? "" : ` version ${this.version}`
    const source = this.package === undefined ? "built-in block" : `block of package ${this.package}`
    const reason = this.reason === undefined ? "" : ` (${this.reason})`
    return `Unknown ${source} "${this.blockId}"${version}${reason}`
  }
}

/** A plugin package version that could not be loaded; `message` is safe to show. */
export class PluginUnavailable extends Schema.TaggedError<PluginUnavailable>()("PluginUnavailable", {
  package: Schema.String,
  version: Schema.String,
  message: Schema.String
}) {}

/** The blocks of one plugin package version. */
export interface PluginBlocks {
  readonly package: string
  readonly version: string
  readonly blocks: ReadonlyArray<AnyBlock<BlockServices>>
}

/** A plugin package version, as installs and graph nodes name it. */
export interface PackageRef {
  readonly package: string
  readonly version: string
}

export interface BlockRegistryOptions {
  readonly builtins?: ReadonlyArray<AnyBlock<BlockServices>>
  readonly plugins?: ReadonlyArray<PluginBlocks>
  /** Loads a plugin version not registered yet. Failures are not remembered: the next use tries again. */
  readonly load?: (pkg: PackageRef) => Effect.Effect<PluginBlocks, PluginUnavailable>
}

/** A block as listed: plugin blocks carry their package and its version. */
export interface RegisteredBlock {
  readonly block: AnyBlock<BlockServices>
  readonly package?: string
  readonly packageVersion?: string
}

const builtinKey = (id: string): string => `builtin\u0000${id}`
const pluginKey = (pkg: string, version: string, id: string): string => `${pkg}\u0000${version}\u0000${id}`
const packageKey = (pkg: PackageRef): string => `${pkg.package}\u0000${pkg.version}`

export class BlockRegistry extends Context.Service<
  BlockRegistry,
  {
    /** The block `ref` names, loading its plugin version first when it is not loaded yet. */
    readonly resolve: (ref: BlockRef) => Effect.Effect<AnyBlock<BlockServices>, UnknownBlockError>
    /** The block `ref` names among those loaded (never loads). */
    readonly resolveSync: (ref: BlockRef) => AnyBlock<BlockServices> | undefined
    /**
     * Loads the plugin versions `refs` name that are not loaded yet, so `resolveSync` finds them. A version that
     * cannot load is logged and left out: validation then reports the nodes that name it.
     */
    readonly ensure: (refs: Iterable<BlockRef>) => Effect.Effect<void>
    /** The built-ins and the blocks of `packages` (loaded as needed), or of every loaded version without it. */
    readonly list: (packages?: ReadonlyArray<PackageRef>) => Effect.Effect<ReadonlyArray<RegisteredBlock>>
  }
>()("@weft/runtime/blocks/BlockRegistry") {
  /**
   * A built-in ref's `version` must equal the block's version; a plugin ref's `version` is the package version,
   * and may be left out only when one version is loaded. Registering the same block twice in the fixed sets is a
   * programming error and throws; a loaded plugin that does so is refused.
   */
  static make(options: BlockRegistryOptions): BlockRegistry["Service"] {
    const byKey = new Map<string, AnyBlock<BlockServices>>()
    const versionsByPackage = new Map<string, Set<string>>()
    const builtins: Array<RegisteredBlock> = []
    const plugins = new Map<string, ReadonlyArray<RegisteredBlock>>()

    for (const block of options.builtins ?? []) {
      if (byKey.has(builtinKey(block.id))) throw new Error(`Block "${block.id}" registered twice`)
      byKey.set(builtinKey(block.id), block)
      builtins.push({ block })
    }

    /** Why `plugin` cannot be registered, if it cannot. */
    const conflict = (plugin: PluginBlocks): string | undefined => {
      const ids = new Set<string>()
      for (const block of plugin.blocks) {
        if (ids.has(block.id)) return `block "${block.id}" is exported twice`
        ids.add(block.id)
      }
      return plugins.has(packageKey(plugin)) ? "already registered" : undefined
    }
    const register = (plugin: PluginBlocks): void => {
      const entries = plugin.blocks.map(
        (block): RegisteredBlock => ({ block, package: plugin.package, packageVersion: plugin.version })
      )
      for (const entry of entries) byKey.set(pluginKey(plugin.package, plugin.version, entry.block.id), entry.block)
      const versions = versionsByPackage.get(plugin.package) ?? new Set<string>()
      versions.add(plugin.version)
      versionsByPackage.set(plugin.package, versions)
      plugins.set(packageKey(plugin), entries)
    }
    for (const plugin of options.plugins ?? []) {
      const problem = conflict(plugin)
      if (problem !== undefined) throw new Error(`Plugin ${plugin.package}@${plugin.version}: ${problem}`)
      register(plugin)
    }

    // Loads are rare and slow (install, sandbox start): one at a time, so two runs needing the same version
    // share one load instead of racing to register it twice.
    const loading = Semaphore.makeUnsafe(1)
    const load = (pkg: PackageRef): Effect.Effect<void, PluginUnavailable> => {
      if (plugins.has(packageKey(pkg))) return Effect.void
      const loader = options.load
      if (loader === undefined) {
        return Effect.fail(new PluginUnavailable({ ...pkg, message: "no plugin registry is configured" }))
      }
      return loading.withPermit(
        Effect.suspend(() =>
          plugins.has(packageKey(pkg))
            ? Effect.void
            : Effect.flatMap(loader(pkg), (loaded) => {
                const problem =
                  loaded.package !== pkg.package || loaded.version !== pkg.version
                    ? `the registry served ${loaded.package}@${loaded.version}`
                    : conflict(loaded)
                return problem === undefined
                  ? Effect.sync(() => register(loaded))
                  : Effect.fail(new PluginUnavailable({ ...pkg, message: problem }))
              })
        )
      )
    }
    const loadOrLog = (pkg: PackageRef) =>
      Effect.catch(load(pkg), (error) =>
        Effect.logWarning(`plugin ${pkg.package}@${pkg.version} not loaded: ${error.message}`)
      )

    const resolveSync = (ref: BlockRef): AnyBlock<BlockServices> | undefined => {
      if (ref.package === undefined) {
        const block = byKey.get(builtinKey(ref.id))
        return block !== undefined && (ref.version === undefined || ref.version === block.version) ? block : undefined
      }
      const versions = versionsByPackage.get(ref.package)
      const version = ref.version ?? (versions?.size === 1 ? [...versions][0] : undefined)
      return version === undefined ? undefined : byKey.get(pluginKey(ref.package, version, ref.id))
    }

    const unknown = (ref: BlockRef, reason?: string) =>
      new UnknownBlockError({
        blockId: ref.id,
        ...(ref.version === undefined ? {} : { version: ref.version }),
        ...(ref.package === undefined ? {} : { package: ref.package }),
        ...(reason === undefined ? {} : { reason })
      })

    const resolve = (ref: BlockRef): Effect.Effect<AnyBlock<BlockServices>, UnknownBlockError> => {
      const block = resolveSync(ref)
      if (block !== undefined) return Effect.succeed(block)
      if (
        ref.package === undefined ||
        ref.version === undefined ||
        plugins.has(packageKey({ package: ref.package, version: ref.version }))
      ) {
        return Effect.fail(unknown(ref))
      }
      const pkg: PackageRef = { package: ref.package, version: ref.version }
      return load(pkg).pipe(
        Effect.mapError((error) => unknown(ref, error.message)),
        Effect.flatMap(() => {
          const loaded = resolveSync(ref)
          return loaded === undefined ? Effect.fail(unknown(ref)) : Effect.succeed(loaded)
        })
      )
    }

    const ensure = (refs: Iterable<BlockRef>): Effect.Effect<void> => {
      const wanted = new Map<string, PackageRef>()
      for (const ref of refs) {
        if (ref.package === undefined || ref.version === undefined) continue
        const pkg = { package: ref.package, version: ref.version }
        if (!plugins.has(packageKey(pkg))) wanted.set(packageKey(pkg), pkg)
      }
      return wanted.size === 0 ? Effect.void : Effect.forEach(wanted.values(), loadOrLog, { discard: true })
    }

    const list = (packages?: ReadonlyArray<PackageRef>): Effect.Effect<ReadonlyArray<RegisteredBlock>> =>
      packages === undefined
        ? Effect.sync(() => [...builtins, ...[...plugins.values()].flat()])
        : Effect.forEach(packages, loadOrLog, { discard: true }).pipe(
            Effect.map(() => [...builtins, ...packages.flatMap((pkg) => plugins.get(packageKey(pkg)) ?? [])])
          )

    return BlockRegistry.of({ resolve, resolveSync, ensure, list })
  }

  /** A registry with the given blocks (the built-ins unless `builtins` is given), plugin packages and loader. */
  static layerWith(options: BlockRegistryOptions): Layer.Layer<BlockRegistry> {
    return Layer.sync(BlockRegistry, () => BlockRegistry.make({ builtins: builtinBlocks, ...options }))
  }

  /** The built-in blocks only. */
  static readonly layer: Layer.Layer<BlockRegistry> = Layer.sync(BlockRegistry, () =>
    BlockRegistry.make({ builtins: builtinBlocks })
  )
}
