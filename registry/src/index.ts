export * from "./EmbeddedVerdaccio.ts"
export * from "./PackageInstaller.ts"
export * from "./RegistryTokens.ts"
export * from "./TarballReader.ts"
