// Generated from the gateway's API definition (gateway/src/Api.ts) by `npm run generate:api-types`.
// Do not edit: change the API and generate again; a test fails while this file is stale.

/** Every operation of the API by its operationId. */
export interface Operations {
  "me.get": {
    readonly method: "GET"
    readonly path: "/api/v1/me"
    readonly params: Record<string, never>
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "200": {
        readonly id: string
        readonly name: string
        readonly email: string | null
        readonly isAdmin: boolean
        readonly authenticatedBy: "jwt" | "api-key"
        readonly scopes: ReadonlyArray<"read" | "execute" | "manage">
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "blocks.list": {
    readonly method: "GET"
    readonly path: "/api/v1/blocks"
    readonly params: Record<string, never>
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "200": ReadonlyArray<{
        readonly id: string
        readonly version: string
        readonly package?: string
        readonly packageVersion?: string
        readonly name: string
        readonly description: string
        readonly categories: ReadonlyArray<string>
        readonly inputSchema: unknown
        readonly outputSchema: unknown
        readonly staticOutput: boolean
        readonly dynamicOutput: boolean
        readonly credentials: {
          readonly [key: string]: {
            readonly provider: string
            readonly description?: string
          }
        }
      }>
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "blocks.get": {
    readonly method: "GET"
    readonly path: "/api/v1/blocks/{blockId}"
    readonly params: {
      readonly blockId: string
    }
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "200": {
        readonly id: string
        readonly version: string
        readonly package?: string
        readonly packageVersion?: string
        readonly name: string
        readonly description: string
        readonly categories: ReadonlyArray<string>
        readonly inputSchema: unknown
        readonly outputSchema: unknown
        readonly staticOutput: boolean
        readonly dynamicOutput: boolean
        readonly credentials: {
          readonly [key: string]: {
            readonly provider: string
            readonly description?: string
          }
        }
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "graphs.list": {
    readonly method: "GET"
    readonly path: "/api/v1/graphs"
    readonly params: Record<string, never>
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "200": ReadonlyArray<{
        readonly id: string
        readonly version: number
        readonly name: string
        readonly description: string
        readonly nodes: ReadonlyArray<{
          readonly id: string
          readonly block: {
            readonly id: string
            readonly version?: string
            readonly package?: string
          }
          readonly inputDefault: {
            readonly [key: string]: unknown
          }
          readonly metadata: {
            readonly [key: string]: unknown
          }
        }>
        readonly links: ReadonlyArray<{
          readonly id: string
          readonly sourceId: string
          readonly sourceName: string
          readonly sinkId: string
          readonly sinkName: string
          readonly isStatic: boolean
        }>
        readonly isActive: boolean
        readonly ownerId: string
        readonly createdAt: string
        readonly versionMessage?: string
      }>
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "graphs.create": {
    readonly method: "POST"
    readonly path: "/api/v1/graphs"
    readonly params: Record<string, never>
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: {
      readonly id?: string
      readonly version?: number
      readonly name: string
      readonly description?: string
      readonly nodes: ReadonlyArray<{
        readonly id: string
        readonly block: {
          readonly id: string
          readonly package?: string
          readonly version?: string
        }
        readonly inputDefault?: {
          readonly [key: string]: unknown
        }
        readonly metadata?: {
          readonly [key: string]: unknown
        }
      }>
      readonly links?: ReadonlyArray<{
        readonly id?: string
        readonly sourceId: string
        readonly sourceName: string
        readonly sinkId: string
        readonly sinkName: string
        readonly isStatic?: boolean
      }>
    }
    readonly responses: {
      readonly "201": {
        readonly id: string
        readonly version: number
        readonly name: string
        readonly description: string
        readonly nodes: ReadonlyArray<{
          readonly id: string
          readonly block: {
            readonly id: string
            readonly version?: string
            readonly package?: string
          }
          readonly inputDefault: {
            readonly [key: string]: unknown
          }
          readonly metadata: {
            readonly [key: string]: unknown
          }
        }>
        readonly links: ReadonlyArray<{
          readonly id: string
          readonly sourceId: string
          readonly sourceName: string
          readonly sinkId: string
          readonly sinkName: string
          readonly isStatic: boolean
        }>
        readonly isActive: boolean
        readonly ownerId: string
        readonly createdAt: string
        readonly versionMessage?: string
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "422": Schemas["InvalidGraphEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "graphs.import": {
    readonly method: "POST"
    readonly path: "/api/v1/graphs/import"
    readonly params: Record<string, never>
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: {
      readonly id?: string
      readonly version?: number
      readonly name: string
      readonly description?: string
      readonly nodes: ReadonlyArray<{
        readonly id: string
        readonly block: {
          readonly id: string
          readonly package?: string
          readonly version?: string
        }
        readonly inputDefault?: {
          readonly [key: string]: unknown
        }
        readonly metadata?: {
          readonly [key: string]: unknown
        }
      }>
      readonly links?: ReadonlyArray<{
        readonly id?: string
        readonly sourceId: string
        readonly sourceName: string
        readonly sinkId: string
        readonly sinkName: string
        readonly isStatic?: boolean
      }>
    }
    readonly responses: {
      readonly "201": {
        readonly id: string
        readonly version: number
        readonly name: string
        readonly description: string
        readonly nodes: ReadonlyArray<{
          readonly id: string
          readonly block: {
            readonly id: string
            readonly version?: string
            readonly package?: string
          }
          readonly inputDefault: {
            readonly [key: string]: unknown
          }
          readonly metadata: {
            readonly [key: string]: unknown
          }
        }>
        readonly links: ReadonlyArray<{
          readonly id: string
          readonly sourceId: string
          readonly sourceName: string
          readonly sinkId: string
          readonly sinkName: string
          readonly isStatic: boolean
        }>
        readonly isActive: boolean
        readonly ownerId: string
        readonly createdAt: string
        readonly versionMessage?: string
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "409": Schemas["ConflictEncoded"]
      readonly "422": Schemas["InvalidGraphEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "graphs.get": {
    readonly method: "GET"
    readonly path: "/api/v1/graphs/{graphId}"
    readonly params: {
      readonly graphId: string
    }
    readonly query: {
      readonly version?: string
    }
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "200": {
        readonly id: string
        readonly version: number
        readonly name: string
        readonly description: string
        readonly nodes: ReadonlyArray<{
          readonly id: string
          readonly block: {
            readonly id: string
            readonly version?: string
            readonly package?: string
          }
          readonly inputDefault: {
            readonly [key: string]: unknown
          }
          readonly metadata: {
            readonly [key: string]: unknown
          }
        }>
        readonly links: ReadonlyArray<{
          readonly id: string
          readonly sourceId: string
          readonly sourceName: string
          readonly sinkId: string
          readonly sinkName: string
          readonly isStatic: boolean
        }>
        readonly isActive: boolean
        readonly ownerId: string
        readonly createdAt: string
        readonly versionMessage?: string
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "graphs.update": {
    readonly method: "PUT"
    readonly path: "/api/v1/graphs/{graphId}"
    readonly params: {
      readonly graphId: string
    }
    readonly query: {
      readonly message?: string
    }
    readonly headers: Record<string, never>
    readonly body: {
      readonly id?: string
      readonly version?: number
      readonly name: string
      readonly description?: string
      readonly nodes: ReadonlyArray<{
        readonly id: string
        readonly block: {
          readonly id: string
          readonly package?: string
          readonly version?: string
        }
        readonly inputDefault?: {
          readonly [key: string]: unknown
        }
        readonly metadata?: {
          readonly [key: string]: unknown
        }
      }>
      readonly links?: ReadonlyArray<{
        readonly id?: string
        readonly sourceId: string
        readonly sourceName: string
        readonly sinkId: string
        readonly sinkName: string
        readonly isStatic?: boolean
      }>
    }
    readonly responses: {
      readonly "200": {
        readonly id: string
        readonly version: number
        readonly name: string
        readonly description: string
        readonly nodes: ReadonlyArray<{
          readonly id: string
          readonly block: {
            readonly id: string
            readonly version?: string
            readonly package?: string
          }
          readonly inputDefault: {
            readonly [key: string]: unknown
          }
          readonly metadata: {
            readonly [key: string]: unknown
          }
        }>
        readonly links: ReadonlyArray<{
          readonly id: string
          readonly sourceId: string
          readonly sourceName: string
          readonly sinkId: string
          readonly sinkName: string
          readonly isStatic: boolean
        }>
        readonly isActive: boolean
        readonly ownerId: string
        readonly createdAt: string
        readonly versionMessage?: string
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "422": Schemas["InvalidGraphEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "graphs.delete": {
    readonly method: "DELETE"
    readonly path: "/api/v1/graphs/{graphId}"
    readonly params: {
      readonly graphId: string
    }
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "204": null
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "graphs.versions": {
    readonly method: "GET"
    readonly path: "/api/v1/graphs/{graphId}/versions"
    readonly params: {
      readonly graphId: string
    }
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "200": ReadonlyArray<{
        readonly id: string
        readonly version: number
        readonly name: string
        readonly description: string
        readonly nodes: ReadonlyArray<{
          readonly id: string
          readonly block: {
            readonly id: string
            readonly version?: string
            readonly package?: string
          }
          readonly inputDefault: {
            readonly [key: string]: unknown
          }
          readonly metadata: {
            readonly [key: string]: unknown
          }
        }>
        readonly links: ReadonlyArray<{
          readonly id: string
          readonly sourceId: string
          readonly sourceName: string
          readonly sinkId: string
          readonly sinkName: string
          readonly isStatic: boolean
        }>
        readonly isActive: boolean
        readonly ownerId: string
        readonly createdAt: string
        readonly versionMessage?: string
      }>
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "graphs.setActive": {
    readonly method: "PUT"
    readonly path: "/api/v1/graphs/{graphId}/active"
    readonly params: {
      readonly graphId: string
    }
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: {
      readonly version: number
    }
    readonly responses: {
      readonly "200": {
        readonly id: string
        readonly version: number
        readonly name: string
        readonly description: string
        readonly nodes: ReadonlyArray<{
          readonly id: string
          readonly block: {
            readonly id: string
            readonly version?: string
            readonly package?: string
          }
          readonly inputDefault: {
            readonly [key: string]: unknown
          }
          readonly metadata: {
            readonly [key: string]: unknown
          }
        }>
        readonly links: ReadonlyArray<{
          readonly id: string
          readonly sourceId: string
          readonly sourceName: string
          readonly sinkId: string
          readonly sinkName: string
          readonly isStatic: boolean
        }>
        readonly isActive: boolean
        readonly ownerId: string
        readonly createdAt: string
        readonly versionMessage?: string
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "graphs.export": {
    readonly method: "GET"
    readonly path: "/api/v1/graphs/{graphId}/export"
    readonly params: {
      readonly graphId: string
    }
    readonly query: {
      readonly version?: string
    }
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "200": {
        readonly id?: string
        readonly version?: number
        readonly name: string
        readonly description?: string
        readonly nodes: ReadonlyArray<{
          readonly id: string
          readonly block: {
            readonly id: string
            readonly package?: string
            readonly version?: string
          }
          readonly inputDefault?: {
            readonly [key: string]: unknown
          }
          readonly metadata?: {
            readonly [key: string]: unknown
          }
        }>
        readonly links?: ReadonlyArray<{
          readonly id?: string
          readonly sourceId: string
          readonly sourceName: string
          readonly sinkId: string
          readonly sinkName: string
          readonly isStatic?: boolean
        }>
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "executions.start": {
    readonly method: "POST"
    readonly path: "/api/v1/executions"
    readonly params: Record<string, never>
    readonly query: {
      readonly wait?: string
    }
    readonly headers: {
      readonly "idempotency-key"?: string
    }
    readonly body: {
      readonly graphId: string
      readonly graphVersion?: number
      readonly inputs?: {
        readonly [key: string]: unknown
      }
    }
    readonly responses: {
      readonly "200": {
        readonly executionId: string
        readonly status: "COMPLETED" | "FAILED" | "TERMINATED"
        readonly outputs: {
          readonly [key: string]: ReadonlyArray<unknown>
        }
        readonly stuckNodes: ReadonlyArray<{
          readonly nodeExecutionId: string
          readonly nodeId: string
          readonly missingPins: ReadonlyArray<string>
        }>
      }
      readonly "202": {
        readonly executionId: string
        readonly status: "QUEUED" | "RUNNING"
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "409": Schemas["ConflictEncoded"]
      readonly "422": Schemas["RunRejectedEncoded"] | Schemas["IdempotencyKeyReusedEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "executions.list": {
    readonly method: "GET"
    readonly path: "/api/v1/executions"
    readonly params: Record<string, never>
    readonly query: {
      readonly graphId?: string
      readonly status?: "INCOMPLETE" | "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED" | "TERMINATED" | "REVIEW"
      readonly limit?: string
      readonly cursor?: string
      readonly from?: string
      readonly to?: string
    }
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "200": {
        readonly items: ReadonlyArray<{
          readonly id: string
          readonly graphId: string
          readonly graphVersion: number
          readonly userId: string
          readonly status: "INCOMPLETE" | "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED" | "TERMINATED" | "REVIEW"
          readonly inputs: {
            readonly [key: string]: unknown
          }
          readonly outputs: {
            readonly [key: string]: ReadonlyArray<unknown>
          }
          readonly stuckNodes: ReadonlyArray<{
            readonly nodeExecutionId: string
            readonly nodeId: string
            readonly missingPins: ReadonlyArray<string>
          }>
          readonly stats: {
            readonly [key: string]: unknown
          }
          readonly parentExecutionId: string | null
          readonly createdAt: string
          readonly startedAt: string | null
          readonly endedAt: string | null
        }>
        readonly nextCursor: string | null
      }
    }
    readonly problems: {
      readonly "400": Schemas["InvalidRequestEncoded"] | Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "executions.get": {
    readonly method: "GET"
    readonly path: "/api/v1/executions/{executionId}"
    readonly params: {
      readonly executionId: string
    }
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "200": {
        readonly id: string
        readonly graphId: string
        readonly graphVersion: number
        readonly userId: string
        readonly status: "INCOMPLETE" | "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED" | "TERMINATED" | "REVIEW"
        readonly inputs: {
          readonly [key: string]: unknown
        }
        readonly outputs: {
          readonly [key: string]: ReadonlyArray<unknown>
        }
        readonly stuckNodes: ReadonlyArray<{
          readonly nodeExecutionId: string
          readonly nodeId: string
          readonly missingPins: ReadonlyArray<string>
        }>
        readonly stats: {
          readonly [key: string]: unknown
        }
        readonly parentExecutionId: string | null
        readonly createdAt: string
        readonly startedAt: string | null
        readonly endedAt: string | null
        readonly nodeExecutions: ReadonlyArray<{
          readonly id: string
          readonly executionId: string
          readonly nodeId: string
          readonly status: "INCOMPLETE" | "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED" | "TERMINATED" | "REVIEW"
          readonly pins: {
            readonly [key: string]: unknown
          }
          readonly input: {
            readonly [key: string]: unknown
          } | null
          readonly error: string | null
          readonly attempt: number
          readonly createdSeq: number
          readonly endSeq: number | null
          readonly queuedAt: string | null
          readonly startedAt: string | null
          readonly endedAt: string | null
          readonly outputs: ReadonlyArray<{
            readonly nodeExecutionId: string
            readonly seq: number
            readonly pin: string
            readonly value: unknown
            readonly runSeq: number
            readonly at: string
          }>
        }>
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "executions.delete": {
    readonly method: "DELETE"
    readonly path: "/api/v1/executions/{executionId}"
    readonly params: {
      readonly executionId: string
    }
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "204": null
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "executions.cancel": {
    readonly method: "POST"
    readonly path: "/api/v1/executions/{executionId}/cancel"
    readonly params: {
      readonly executionId: string
    }
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "200": {
        readonly executionId: string
        readonly cancelled: boolean
        readonly status: "INCOMPLETE" | "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED" | "TERMINATED" | "REVIEW"
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "credentials.create": {
    readonly method: "POST"
    readonly path: "/api/v1/credentials"
    readonly params: Record<string, never>
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: {
      readonly provider: string
      readonly name: string
      readonly secret: string
    }
    readonly responses: {
      readonly "201": {
        readonly id: string
        readonly userId: string
        readonly provider: string
        readonly name: string
        readonly createdAt: string
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "credentials.list": {
    readonly method: "GET"
    readonly path: "/api/v1/credentials"
    readonly params: Record<string, never>
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "200": ReadonlyArray<{
        readonly id: string
        readonly userId: string
        readonly provider: string
        readonly name: string
        readonly createdAt: string
      }>
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "credentials.delete": {
    readonly method: "DELETE"
    readonly path: "/api/v1/credentials/{credentialId}"
    readonly params: {
      readonly credentialId: string
    }
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "204": null
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "apiKeys.create": {
    readonly method: "POST"
    readonly path: "/api/v1/api-keys"
    readonly params: Record<string, never>
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: {
      readonly name: string
      readonly scopes: ReadonlyArray<"read" | "execute" | "manage">
    }
    readonly responses: {
      readonly "201": {
        readonly id: string
        readonly name: string
        readonly scopes: ReadonlyArray<"read" | "execute" | "manage">
        readonly prefix: string
        readonly createdAt: string
        readonly lastUsedAt: string | null
        readonly key: string
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "apiKeys.list": {
    readonly method: "GET"
    readonly path: "/api/v1/api-keys"
    readonly params: Record<string, never>
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "200": ReadonlyArray<{
        readonly id: string
        readonly name: string
        readonly scopes: ReadonlyArray<"read" | "execute" | "manage">
        readonly prefix: string
        readonly createdAt: string
        readonly lastUsedAt: string | null
      }>
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "apiKeys.revoke": {
    readonly method: "DELETE"
    readonly path: "/api/v1/api-keys/{keyId}"
    readonly params: {
      readonly keyId: string
    }
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "204": null
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "webhooks.create": {
    readonly method: "POST"
    readonly path: "/api/v1/graphs/{graphId}/webhooks"
    readonly params: {
      readonly graphId: string
    }
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "201": {
        readonly id: string
        readonly graphId: string
        readonly prefix: string
        readonly createdAt: string
        readonly token: string
        readonly url: string
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "webhooks.list": {
    readonly method: "GET"
    readonly path: "/api/v1/graphs/{graphId}/webhooks"
    readonly params: {
      readonly graphId: string
    }
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "200": ReadonlyArray<{
        readonly id: string
        readonly graphId: string
        readonly prefix: string
        readonly createdAt: string
      }>
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "webhooks.revoke": {
    readonly method: "DELETE"
    readonly path: "/api/v1/webhooks/{webhookId}"
    readonly params: {
      readonly webhookId: string
    }
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "204": null
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "marketplace.search": {
    readonly method: "GET"
    readonly path: "/api/v1/marketplace/packages"
    readonly params: Record<string, never>
    readonly query: {
      readonly text?: string
      readonly category?: string
      readonly keyword?: string
      readonly limit?: string
      readonly cursor?: string
    }
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "200": {
        readonly packages: ReadonlyArray<{
          readonly name: string
          readonly description: string
          readonly keywords: ReadonlyArray<string>
          readonly categories: ReadonlyArray<string>
          readonly latestVersion: string
          readonly installCount: number
        }>
        readonly next?: string
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "marketplace.detail": {
    readonly method: "GET"
    readonly path: "/api/v1/marketplace/packages/{name}"
    readonly params: {
      readonly name: string
    }
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "200": {
        readonly name: string
        readonly description: string
        readonly keywords: ReadonlyArray<string>
        readonly categories: ReadonlyArray<string>
        readonly latestVersion: string
        readonly installCount: number
        readonly readme: string
        readonly versions: ReadonlyArray<{
          readonly version: string
          readonly description: string
          readonly blocks: ReadonlyArray<{
            readonly id: string
            readonly name: string
            readonly description: string
            readonly categories: ReadonlyArray<string>
            readonly inputSchema: {
              readonly [key: string]: unknown
            }
            readonly outputSchema: {
              readonly [key: string]: unknown
            }
          }>
          readonly permissions: unknown
          readonly integrity: string
          readonly publishedAt: string | null
          readonly deprecated: string | null
        }>
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "marketplace.install": {
    readonly method: "POST"
    readonly path: "/api/v1/marketplace/installs"
    readonly params: Record<string, never>
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: {
      readonly package: string
      readonly version: string
    }
    readonly responses: {
      readonly "201": {
        readonly package: string
        readonly version: string
        readonly installedAt: string
      }
    }
    readonly problems: {
      readonly "400": Schemas["InvalidRequestEncoded"] | Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "marketplace.installs": {
    readonly method: "GET"
    readonly path: "/api/v1/marketplace/installs"
    readonly params: Record<string, never>
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "200": ReadonlyArray<{
        readonly package: string
        readonly version: string
        readonly installedAt: string
      }>
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "marketplace.upgrade": {
    readonly method: "PUT"
    readonly path: "/api/v1/marketplace/installs/{package}"
    readonly params: {
      readonly package: string
    }
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: {
      readonly version: string
    }
    readonly responses: {
      readonly "200": {
        readonly installed: string
        readonly removed: ReadonlyArray<string>
        readonly kept: ReadonlyArray<{
          readonly version: string
          readonly graphs: ReadonlyArray<{
            readonly id: string
            readonly version: number
            readonly name: string
          }>
        }>
      }
    }
    readonly problems: {
      readonly "400": Schemas["InvalidRequestEncoded"] | Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "marketplace.uninstall": {
    readonly method: "DELETE"
    readonly path: "/api/v1/marketplace/installs/{package}/{version}"
    readonly params: {
      readonly package: string
      readonly version: string
    }
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "204": null
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "409": Schemas["PackageInUseEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "marketplace.publishToken": {
    readonly method: "POST"
    readonly path: "/api/v1/marketplace/publish-tokens"
    readonly params: Record<string, never>
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "201": {
        readonly registryUrl: string
        readonly token: string
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "401": Schemas["UnauthorizedEncoded"]
      readonly "403": Schemas["ForbiddenEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  health: {
    readonly method: "GET"
    readonly path: "/health"
    readonly params: Record<string, never>
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "200": {
        readonly status: "ok"
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
    }
  }
  ready: {
    readonly method: "GET"
    readonly path: "/ready"
    readonly params: Record<string, never>
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "200": {
        readonly status: "ready" | "degraded"
        readonly database: "up" | "down"
        readonly rateLimiter: {
          readonly backend: "redis" | "memory"
          readonly reachable: boolean
          readonly onFailure: "open" | "closed"
        }
        readonly runners: number
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  localSession: {
    readonly method: "GET"
    readonly path: "/local-session"
    readonly params: Record<string, never>
    readonly query: Record<string, never>
    readonly headers: Record<string, never>
    readonly body: undefined
    readonly responses: {
      readonly "200": {
        readonly token: string
        readonly name: string
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
  "hooks.trigger": {
    readonly method: "POST"
    readonly path: "/hooks/{token}"
    readonly params: {
      readonly token: string
    }
    readonly query: {
      readonly wait?: string
    }
    readonly headers: Record<string, never>
    readonly body: unknown
    readonly responses: {
      readonly "200": {
        readonly [key: string]: ReadonlyArray<unknown>
      }
      readonly "202": {
        readonly executionId: string
        readonly status: "QUEUED" | "RUNNING"
      }
    }
    readonly problems: {
      readonly "400": Schemas["BadRequestProblemEncoded"]
      readonly "404": Schemas["NotFoundEncoded"]
      readonly "422": Schemas["RunRejectedEncoded"]
      readonly "429": Schemas["RateLimitedEncoded"]
      readonly "500": Schemas["InternalServerErrorProblemEncoded"]
      readonly "503": Schemas["UnavailableEncoded"]
    }
  }
}

/** Method and path of every operation, for the client to build requests. */
export const operationRoutes: { readonly [K in keyof Operations]: Pick<Operations[K], "method" | "path"> } = {
  "me.get": { method: "GET", path: "/api/v1/me" },
  "blocks.list": { method: "GET", path: "/api/v1/blocks" },
  "blocks.get": { method: "GET", path: "/api/v1/blocks/{blockId}" },
  "graphs.list": { method: "GET", path: "/api/v1/graphs" },
  "graphs.create": { method: "POST", path: "/api/v1/graphs" },
  "graphs.import": { method: "POST", path: "/api/v1/graphs/import" },
  "graphs.get": { method: "GET", path: "/api/v1/graphs/{graphId}" },
  "graphs.update": { method: "PUT", path: "/api/v1/graphs/{graphId}" },
  "graphs.delete": { method: "DELETE", path: "/api/v1/graphs/{graphId}" },
  "graphs.versions": { method: "GET", path: "/api/v1/graphs/{graphId}/versions" },
  "graphs.setActive": { method: "PUT", path: "/api/v1/graphs/{graphId}/active" },
  "graphs.export": { method: "GET", path: "/api/v1/graphs/{graphId}/export" },
  "executions.start": { method: "POST", path: "/api/v1/executions" },
  "executions.list": { method: "GET", path: "/api/v1/executions" },
  "executions.get": { method: "GET", path: "/api/v1/executions/{executionId}" },
  "executions.delete": { method: "DELETE", path: "/api/v1/executions/{executionId}" },
  "executions.cancel": { method: "POST", path: "/api/v1/executions/{executionId}/cancel" },
  "credentials.create": { method: "POST", path: "/api/v1/credentials" },
  "credentials.list": { method: "GET", path: "/api/v1/credentials" },
  "credentials.delete": { method: "DELETE", path: "/api/v1/credentials/{credentialId}" },
  "apiKeys.create": { method: "POST", path: "/api/v1/api-keys" },
  "apiKeys.list": { method: "GET", path: "/api/v1/api-keys" },
  "apiKeys.revoke": { method: "DELETE", path: "/api/v1/api-keys/{keyId}" },
  "webhooks.create": { method: "POST", path: "/api/v1/graphs/{graphId}/webhooks" },
  "webhooks.list": { method: "GET", path: "/api/v1/graphs/{graphId}/webhooks" },
  "webhooks.revoke": { method: "DELETE", path: "/api/v1/webhooks/{webhookId}" },
  "marketplace.search": { method: "GET", path: "/api/v1/marketplace/packages" },
  "marketplace.detail": { method: "GET", path: "/api/v1/marketplace/packages/{name}" },
  "marketplace.install": { method: "POST", path: "/api/v1/marketplace/installs" },
  "marketplace.installs": { method: "GET", path: "/api/v1/marketplace/installs" },
  "marketplace.upgrade": { method: "PUT", path: "/api/v1/marketplace/installs/{package}" },
  "marketplace.uninstall": { method: "DELETE", path: "/api/v1/marketplace/installs/{package}/{version}" },
  "marketplace.publishToken": { method: "POST", path: "/api/v1/marketplace/publish-tokens" },
  health: { method: "GET", path: "/health" },
  ready: { method: "GET", path: "/ready" },
  localSession: { method: "GET", path: "/local-session" },
  "hooks.trigger": { method: "POST", path: "/hooks/{token}" }
}

/** The named schemas (the problem details). */
export interface Schemas {
  InternalServerErrorProblemEncoded: {
    readonly detail?: string
    readonly instance?: string
    readonly type: "about:blank"
    readonly status?: 500
    readonly title?: "Internal Server Error"
  }
  BadRequestProblemEncoded: {
    readonly detail?: string
    readonly instance?: string
    readonly errors?: ReadonlyArray<{
      readonly path: ReadonlyArray<string | number | "Infinity" | "-Infinity" | "NaN">
      readonly message: string
    }>
    readonly type: "about:blank"
    readonly status?: 400
    readonly title?: "Bad Request"
  }
  UnavailableEncoded: {
    readonly detail?: string
    readonly instance?: string
    readonly type: "https://weft.dev/problems/unavailable"
    readonly status?: 503
    readonly title?: "Service Unavailable"
  }
  RateLimitedEncoded: {
    readonly detail?: string
    readonly instance?: string
    readonly retryAfter: number
    readonly type: "https://weft.dev/problems/rate-limited"
    readonly status?: 429
    readonly title?: "Too Many Requests"
  }
  RunRejectedEncoded: {
    readonly detail?: string
    readonly instance?: string
    readonly nodeErrors: {
      readonly [key: string]: ReadonlyArray<string>
    }
    readonly unknownInputs: ReadonlyArray<string>
    readonly type: "https://weft.dev/problems/run-rejected"
    readonly status?: 422
    readonly title?: "Run rejected"
  }
  NotFoundEncoded: {
    readonly detail?: string
    readonly instance?: string
    readonly resource: string
    readonly id: string
    readonly type: "https://weft.dev/problems/not-found"
    readonly status?: 404
    readonly title?: "Not Found"
  }
  UnauthorizedEncoded: {
    readonly detail?: string
    readonly instance?: string
    readonly type: "https://weft.dev/problems/unauthorized"
    readonly status?: 401
    readonly title?: "Unauthorized"
  }
  ForbiddenEncoded: {
    readonly detail?: string
    readonly instance?: string
    readonly requiredScope?: string
    readonly type: "https://weft.dev/problems/forbidden"
    readonly status?: 403
    readonly title?: "Forbidden"
  }
  PackageInUseEncoded: {
    readonly detail?: string
    readonly instance?: string
    readonly package: string
    readonly version: string
    readonly graphs: ReadonlyArray<{
      readonly id: string
      readonly version: number
      readonly name: string
    }>
    readonly type: "https://weft.dev/problems/package-in-use"
    readonly status?: 409
    readonly title?: "Package in use"
  }
  InvalidRequestEncoded: {
    readonly detail?: string
    readonly instance?: string
    readonly field?: string
    readonly type: "https://weft.dev/problems/invalid-request"
    readonly status?: 400
    readonly title?: "Invalid request"
  }
  ConflictEncoded: {
    readonly detail?: string
    readonly instance?: string
    readonly type: "https://weft.dev/problems/conflict"
    readonly status?: 409
    readonly title?: "Conflict"
  }
  IdempotencyKeyReusedEncoded: {
    readonly detail?: string
    readonly instance?: string
    readonly type: "https://weft.dev/problems/idempotency-key-reused"
    readonly status?: 422
    readonly title?: "Idempotency key reused"
  }
  InvalidGraphEncoded: {
    readonly detail?: string
    readonly instance?: string
    readonly issues: ReadonlyArray<{
      readonly nodeId?: string
      readonly linkId?: string
      readonly pin?: string
      readonly code:
        | "unknown_block"
        | "unknown_pin"
        | "incompatible_pin"
        | "missing_input"
        | "duplicate_node_id"
        | "duplicate_link_id"
        | "link_to_missing_node"
        | "self_containing_graph"
        | "unknown_subgraph"
        | "invalid_input_default"
      readonly message: string
    }>
    readonly fileProblems: ReadonlyArray<{
      readonly path: string
      readonly message: string
      readonly line?: number
      readonly column?: number
    }>
    readonly type: "https://weft.dev/problems/invalid-graph"
    readonly status?: 422
    readonly title?: "Invalid graph"
  }
}
