/**
 * `npm run generate:api-types`: writes the studio's API types (studio/src/app/api/gateway-operations.ts) from the
 * gateway's API definition, formatted like the rest of the repo. gateway/src/OpenApiTypes.test.ts fails while the
 * file is stale.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { formatWithBiome, gatewayApiTypes, studioApiTypesFile } from "../gateway/src/OpenApiTypes.ts"

const root = join(import.meta.dirname, "..")
const target = join(root, studioApiTypesFile)
writeFileSync(target, formatWithBiome(gatewayApiTypes(), target))
console.log(`wrote ${studioApiTypesFile}`)
