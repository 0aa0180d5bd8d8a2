// Vitest settings of @weft/blocks-http: the shared Weft defaults (see vitest.shared.ts at the repo root).
import { weftVitestConfig } from "../../vitest.shared.ts"

export default weftVitestConfig({ name: "@weft/blocks-http", root: import.meta.dirname })
