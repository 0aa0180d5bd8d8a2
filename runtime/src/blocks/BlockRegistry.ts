/**
 * Finds the block a graph node names. `{ id }` (optionally with the exact `version`) names a built-in;
 * `{ package, version, id }` a block of a plugin package. Plugin blocks are registered through `layerWith`
 * (the plugin host supplies them); `resolveSync` exists for the pure validation code, which runs no effects.
 */
import type { AnyBlock } from "@weft/block-sdk"
import { Context, Effect, Layer, Schema } from "effect"
import type { BlockRef } from "../model/Graph.ts"
import { type BlockServices, builtinBlocks } from "./BuiltinBlocks.ts"

export class UnknownBlockError extends Schema.TaggedError<UnknownBlockError>()("UnknownBlockError", {
  blockId: Schema.String,
  version: Schema.optionalKey(Schema.String),
  package: Schema.optionalKey(Schema.String)
}) {
  override get message(): string {
    const version = this.version === undefined ? "" : ` version ${this.version}`
    const source = this.package === undefined ? "built-in block" : `block of package ${this.package}`
    return `Unknown ${source} "${this.blockId}"${version}`
  }
}

/** The blocks of one plugin package version. */
export interface PluginBlocks {
  readonly package: string
  readonly version: string
  readonly blocks: ReadonlyArray<AnyBlock<BlockServices>>
}

export interface BlockRegistryOptions {
  readonly builtins?: ReadonlyArray<AnyBlock<BlockServices>>
  readonly plugins?: ReadonlyArray<PluginBlocks>
}

/** A block as listed: plugin blocks carry their package and its version. */
export interface RegisteredBlock {
  readonly block: AnyBlock<BlockServices>
  readonly package?: string
  readonly packageVersion?: string
}

const builtinKey = (id: string): string => `builtin\u0000${id}`
const pluginKey = (pkg: string, version: string, id: string): string => `${pkg}\u0000${version}\u0000${id}`

export class BlockRegistry extends Context.Service<
  BlockRegistry,
  {
    readonly resolve: (ref: BlockRef) => Effect.Effect<AnyBlock<BlockServices>, UnknownBlockError>
    readonly resolveSync: (ref: BlockRef) => AnyBlock<BlockServices> | undefined
    readonly list: Effect.Effect<ReadonlyArray<RegisteredBlock>>
  }
>()("@weft/runtime/blocks/BlockRegistry") {
  /**
   * A registry over fixed block sets. A built-in ref's `version` must equal the block's version; a plugin
   * ref's `version` is the package version, and may be left out only when one version is registered.
   * Registering the same block twice is a programming error and throws.
   */
  static make(options: BlockRegistryOptions): BlockRegistry["Service"] {
    const byKey = new Map<string, AnyBlock<BlockServices>>()
    const versionsByPackage = new Map<string, Set<string>>()
    const listed: Array<RegisteredBlock> = []
    const add = (key: string, entry: RegisteredBlock): void => {
      if (byKey.has(key)) {
        throw new Error(
          `Block "${entry.block.id}" registered twice${entry.package === undefined ? "" : ` in ${entry.package}@${entry.packageVersion}`}`
        )
      }
      byKey.set(key, entry.block)
      listed.push(entry)
    }
    for (const block of options.builtins ?? []) add(builtinKey(block.id), { block })
    for (const plugin of options.plugins ?? []) {
      const versions = versionsByPackage.get(plugin.package) ?? new Set<string>()
      versions.add(plugin.version)
      versionsByPackage.set(plugin.package, versions)
      for (const block of plugin.blocks) {
        add(pluginKey(plugin.package, plugin.version, block.id), {
          block,
          package: plugin.package,
          packageVersion: plugin.version
        })
      }
    }

    const resolveSync = (ref: BlockRef): AnyBlock<BlockServices> | undefined => {
      if (ref.package === undefined) {
        const block = byKey.get(builtinKey(ref.id))
        return block !== undefined && (ref.version === undefined || ref.version === block.version) ? block : undefined
      }
      const versions = versionsByPackage.get(ref.package)
      const version = ref.version ?? (versions?.size === 1 ? [...versions][0] : undefined)
      return version === undefined ? undefined : byKey.get(pluginKey(ref.package, version, ref.id))
    }

    const resolve = Effect.fn("BlockRegistry.resolve")(function* (ref: BlockRef) {
      const block = resolveSync(ref)
      if (block !== undefined) return block
      return yield* new UnknownBlockError({
        blockId: ref.id,
        ...(ref.version === undefined ? {} : { version: ref.version }),
        ...(ref.package === undefined ? {} : { package: ref.package })
      })
    })

    const snapshot: ReadonlyArray<RegisteredBlock> = [...listed]
    return BlockRegistry.of({ resolve, resolveSync, list: Effect.succeed(snapshot) })
  }

  /** A registry with the given blocks (the built-ins unless `builtins` is given) and plugin packages. */
  static layerWith(options: BlockRegistryOptions): Layer.Layer<BlockRegistry> {
    return Layer.sync(BlockRegistry, () => BlockRegistry.make({ builtins: builtinBlocks, ...options }))
  }

  /** The built-in blocks only. */
  static readonly layer: Layer.Layer<BlockRegistry> = Layer.sync(BlockRegistry, () =>
    BlockRegistry.make({ builtins: builtinBlocks })
  )
}
