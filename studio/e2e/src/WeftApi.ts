/**
 * The few gateway calls the tests make behind the studio's back: set up a graph without dragging it together,
 * and check what the studio stored or started. Plain fetch with the local admin's token.
 */
export interface GraphNodeFile {
  readonly id: string
  readonly block: { readonly id: string; readonly package?: string; readonly version?: string }
  readonly inputDefault: Readonly<Record<string, unknown>>
  readonly metadata: Readonly<Record<string, unknown>>
}

export interface GraphLinkFile {
  readonly sourceId: string
  readonly sourceName: string
  readonly sinkId: string
  readonly sinkName: string
}

export interface GraphFile {
  readonly name: string
  readonly description?: string
  readonly nodes: ReadonlyArray<GraphNodeFile>
  readonly links: ReadonlyArray<GraphLinkFile>
}

export interface StoredGraph extends GraphFile {
  readonly id: string
  readonly version: number
}

export interface ExecutionRecord {
  readonly id: string
  readonly graphId: string
  readonly status: string
}

/** A node at a canvas position, as the studio stores it. */
export const node = (
  id: string,
  blockId: string,
  at: { readonly x: number; readonly y: number },
  inputDefault: Readonly<Record<string, unknown>> = {}
): GraphNodeFile => ({ id, block: { id: blockId }, inputDefault, metadata: { position: at } })

export const link = (sourceId: string, sourceName: string, sinkId: string, sinkName: string): GraphLinkFile => ({
  sourceId,
  sourceName,
  sinkId,
  sinkName
})

export class WeftApi {
  private readonly url: string
  private readonly token: string

  constructor(url: string, token: string) {
    this.url = url
    this.token = token
  }

  private async call<A>(method: string, path: string, body?: unknown): Promise<A> {
    const response = await fetch(`${this.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" })
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`)
    return (text === "" ? undefined : JSON.parse(text)) as A // boundary: the gateway's own JSON
  }

  createGraph(file: GraphFile): Promise<StoredGraph> {
    return this.call("POST", "/graphs", file)
  }

  graph(graphId: string): Promise<StoredGraph> {
    return this.call("GET", `/graphs/${encodeURIComponent(graphId)}`)
  }

  installs(): Promise<ReadonlyArray<{ readonly package: string; readonly version: string }>> {
    return this.call("GET", "/marketplace/installs")
  }

  async executions(graphId: string): Promise<ReadonlyArray<ExecutionRecord>> {
    const page = await this.call<{ items: ReadonlyArray<ExecutionRecord> }>(
      "GET",
      `/executions?graphId=${encodeURIComponent(graphId)}`
    )
    return page.items
  }
}
