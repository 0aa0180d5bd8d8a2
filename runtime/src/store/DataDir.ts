/**
 * Where an embedded Weft keeps its state on disk (PostgreSQL data, the generated secret key). One setting,
 * `WEFT_DATA_DIR` (default `.weft`, relative to the working directory), shared by every part that needs it.
 */
import { Config } from "effect"
import * as NodePath from "node:path"

/** `WEFT_DATA_DIR` resolved to an absolute path, default `./.weft`. */
export const dataDirConfig: Config.Config<string> = Config.String("WEFT_DATA_DIR").pipe(
  Config.withDefault(".weft"),
  Config.map((dir) => NodePath.resolve(dir))
)
