/**
 * The pages: sign-in, then (signed in) the graph list, the editor and a run's read-only replay (lazy, they carry
 * ngx-vflow), executions, marketplace, credentials and API keys. Every page but sign-in is a lazy chunk.
 */
import type { Routes } from "@angular/router"
import { SignIn } from "./auth/sign-in"
import { signedInGuard } from "./auth/signed-in-guard"

export const routes: Routes = [
  { path: "sign-in", component: SignIn, title: "Sign in · Weft" },
  {
    path: "graphs",
    canActivate: [signedInGuard],
    title: "Graphs · Weft",
    loadComponent: () => import("./graphs/graph-list").then((m) => m.GraphList)
  },
  {
    path: "graphs/:graphId",
    canActivate: [signedInGuard],
    title: "Editor · Weft",
    loadComponent: () => import("./editor/editor").then((m) => m.Editor)
  },
  {
    path: "graphs/:graphId/executions/:executionId",
    canActivate: [signedInGuard],
    title: "Run replay · Weft",
    loadComponent: () => import("./editor/editor").then((m) => m.Editor)
  },
  {
    path: "executions",
    canActivate: [signedInGuard],
    title: "Executions · Weft",
    loadComponent: () => import("./executions/execution-list").then((m) => m.ExecutionList)
  },
  {
    path: "marketplace",
    canActivate: [signedInGuard],
    title: "Marketplace · Weft",
    loadComponent: () => import("./marketplace/marketplace-search").then((m) => m.MarketplaceSearch)
  },
  {
    path: "marketplace/:name",
    canActivate: [signedInGuard],
    title: "Package · Weft",
    loadComponent: () => import("./marketplace/package-page").then((m) => m.PackagePage)
  },
  {
    path: "credentials",
    canActivate: [signedInGuard],
    title: "Credentials · Weft",
    loadComponent: () => import("./credentials/credential-list").then((m) => m.CredentialList)
  },
  {
    path: "api-keys",
    canActivate: [signedInGuard],
    title: "API keys · Weft",
    loadComponent: () => import("./api-keys/api-key-list").then((m) => m.ApiKeyList)
  },
  { path: "", pathMatch: "full", redirectTo: "graphs" },
  { path: "**", redirectTo: "graphs" }
]
