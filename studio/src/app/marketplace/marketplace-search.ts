/** The marketplace page: a search box and a category filter over the ranked plugin packages, page by page. */
import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from "@angular/core"
import { RouterLink } from "@angular/router"
import { MarketplaceStore, packagePath } from "./marketplace-store"

@Component({
  selector: "weft-marketplace-search",
  imports: [RouterLink],
  templateUrl: "./marketplace-search.html",
  styleUrl: "./marketplace-search.css",
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class MarketplaceSearch implements OnInit {
  protected readonly store = inject(MarketplaceStore)
  protected readonly text = signal(this.store.text())
  protected readonly packagePath = packagePath

  ngOnInit(): void {
    if (!this.store.searched()) void this.store.search("", "")
  }

  protected textOf(event: Event): string {
    return event.target instanceof HTMLInputElement ? event.target.value : ""
  }

  protected submit(event: Event): void {
    event.preventDefault()
    void this.store.search(this.text(), this.store.category())
  }

  protected chooseCategory(event: Event): void {
    const category = event.target instanceof HTMLSelectElement ? event.target.value : ""
    void this.store.search(this.text(), category)
  }
}
