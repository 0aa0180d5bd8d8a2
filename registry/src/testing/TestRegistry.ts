/**
 * For tests: a Verdaccio started in a temp data folder with one publisher, `npm publish` run as a plugin author
 * would, and hand-made tarballs (with symlinks or `../` paths that `npm pack` would never produce) published
 * through the registry's plain publish call.
 */
import { Effect } from "effect"
import * as NodeChild from "node:child_process"
import * as NodeCrypto from "node:crypto"
import * as NodeFs from "node:fs/promises"
import * as NodeOs from "node:os"
import * as NodePath from "node:path"
import * as NodeZlib from "node:zlib"
import { startEmbeddedRegistry } from "../EmbeddedVerdaccio.ts"
import type { NotifyEndpoint } from "../PublishNotifications.ts"
import { addPublisher, publishToken } from "../RegistryTokens.ts"

export const tempDir = (prefix: string) =>
  Effect.acquireRelease(
    Effect.promise(() => NodeFs.mkdtemp(NodePath.join(NodeOs.tmpdir(), prefix))),
    (dir) => Effect.promise(() => NodeFs.rm(dir, { recursive: true, force: true }))
  )

/** A running registry with a publisher `author` and their token; with `notify`, it reports publishes there. */
export const testRegistryWith = (options: { readonly notify?: NotifyEndpoint }) =>
  Effect.gen(function* () {
    const dataDir = yield* tempDir("weft-data-")
    // The plugin cache lives in here and sandboxes run as another user when the host is root: let it traverse.
    yield* Effect.promise(() => NodeFs.chmod(dataDir, 0o711))
    const registry = yield* startEmbeddedRegistry({ dataDir, ...options })
    yield* addPublisher(registry, "author", "s3cret-pass")
    const token = yield* publishToken(registry.url, "author", "s3cret-pass")
    return { ...registry, dataDir, token }
  })

export const testRegistry = testRegistryWith({})

/** `npm publish` of the package in `directory`, as a plugin author runs it. */
export const npmPublish = (directory: string, registryUrl: string, token: string) =>
  Effect.gen(function* () {
    const npmrc = NodePath.join(directory, ".npmrc-weft-test")
    const hostPath = registryUrl.replace(/^https?:/, "")
    yield* Effect.promise(() => NodeFs.writeFile(npmrc, `${hostPath}/:_authToken=${token}\n`))
    const publish = Effect.callback<string, Error>((resume) => {
      NodeChild.execFile(
        "npm",
        [
          "publish",
          "--registry",
          registryUrl,
          "--userconfig",
          npmrc,
          "--ignore-scripts",
          "--access",
          "public",
          "--tag",
          "latest"
        ],
        { cwd: directory, env: { PATH: process.env["PATH"] ?? "", HOME: directory } },
        (error, stdout, stderr) =>
          resume(error === null ? Effect.succeed(stdout) : Effect.fail(new Error(`${error.message}\n${stderr}`)))
      )
    })
    // npm sometimes loses the connection mid-request ("did not encounter expected EOF"): try again, unless the
    // version did land (then a second publish would be refused).
    return yield* publish.pipe(
      Effect.catch((error) =>
        Effect.gen(function* () {
          const manifest = yield* Effect.promise(() =>
            NodeFs.readFile(NodePath.join(directory, "package.json"), "utf8")
          )
          const { name, version } = JSON.parse(manifest) as { name: string; version: string }
          const landed = yield* Effect.promise(() =>
            fetch(`${registryUrl}/${name.replace("/", "%2f")}`, { headers: { authorization: `Bearer ${token}` } })
              .then((r) => (r.ok ? r.json() : undefined))
              .then(
                (doc) =>
                  doc !== undefined && (doc as { versions?: Record<string, unknown> }).versions?.[version] !== undefined
              )
              .catch(() => false)
          )
          return landed ? "" : yield* Effect.fail(error)
        })
      ),
      Effect.retry({ times: 2 })
    )
  })

export interface RawEntry {
  readonly path: string
  readonly content?: string
  /** "0" file (default), "2" symlink, "1" hard link, "5" directory. */
  readonly type?: "0" | "1" | "2" | "5"
  readonly linkTarget?: string
}

const header = (entry: RawEntry, size: number): Buffer => {
  const block = Buffer.alloc(512)
  block.write(entry.path, 0, 100, "utf8")
  block.write("0000644\0", 100)
  block.write("0000000\0", 108)
  block.write("0000000\0", 116)
  block.write(`${size.toString(8).padStart(11, "0")}\0`, 124)
  block.write("00000000000\0", 136)
  block.write("        ", 148)
  block.write(entry.type ?? "0", 156)
  if (entry.linkTarget !== undefined) block.write(entry.linkTarget, 157, 100)
  block.write("ustar\0", 257)
  block.write("00", 263)
  let sum = 0
  for (const byte of block) sum += byte
  block.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148)
  return block
}

/** A gzip'd tar of `entries`, byte for byte what they say (no sanitising). */
export const rawTarball = (entries: ReadonlyArray<RawEntry>): Uint8Array => {
  const parts: Array<Buffer> = []
  for (const entry of entries) {
    const content = Buffer.from(entry.content ?? "", "utf8")
    parts.push(header(entry, content.length), content, Buffer.alloc((512 - (content.length % 512)) % 512))
  }
  parts.push(Buffer.alloc(1024))
  return NodeZlib.gzipSync(Buffer.concat(parts))
}

/** Publishes `tarball` as `name@version` through the registry's publish call (what `npm publish` sends). */
export const publishRaw = (registryUrl: string, token: string, name: string, version: string, tarball: Uint8Array) =>
  Effect.promise(async () => {
    const file = `${name.replace(/^@.*\//, "")}-${version}.tgz`
    const integrity = `sha512-${NodeCrypto.createHash("sha512").update(tarball).digest("base64")}`
    const manifest = {
      name,
      version,
      dist: {
        integrity,
        shasum: NodeCrypto.createHash("sha1").update(tarball).digest("hex"),
        tarball: `${registryUrl}/${name}/-/${file}`
      }
    }
    const body = {
      _id: name,
      name,
      "dist-tags": { latest: version },
      versions: { [version]: manifest },
      _attachments: {
        [file]: {
          content_type: "application/octet-stream",
          data: Buffer.from(tarball).toString("base64"),
          length: tarball.length
        }
      }
    }
    const response = await fetch(`${registryUrl}/${name.replace("/", "%2f")}`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body)
    })
    if (!response.ok) throw new Error(`raw publish answered ${response.status}: ${await response.text()}`)
  })
