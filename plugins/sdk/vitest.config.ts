// Vitest settings of @weft/block-sdk: the shared Weft defaults (see vitest.shared.ts at the repo root).
import { weftVitestConfig } from "../../vitest.shared.ts"

export default weftVitestConfig({ name: "@weft/block-sdk", root: import.meta.dirname })
