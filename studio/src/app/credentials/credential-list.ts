/**
 * The credentials page: add a credential (provider, name and a secret typed into a password field that is
 * emptied as soon as the form is sent), list what is stored (never the secrets) and delete with confirmation.
 */
import { DatePipe } from "@angular/common"
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  inject,
  type OnInit,
  signal,
  viewChild
} from "@angular/core"
import { CredentialsStore } from "./credentials-store"

@Component({
  selector: "weft-credential-list",
  imports: [DatePipe],
  templateUrl: "./credential-list.html",
  styleUrl: "./credential-list.css",
  changeDetection: ChangeDetectionStrategy.OnPush
})
export class CredentialList implements OnInit {
  protected readonly store = inject(CredentialsStore)
  protected readonly provider = signal("")
  protected readonly name = signal("")
  protected readonly saving = signal(false)
  /** The secret stays in the input element only: it is read once on submit, then the input is emptied. */
  private readonly secretInput = viewChild.required<ElementRef<HTMLInputElement>>("secret")

  ngOnInit(): void {
    void this.store.load()
  }

  protected textOf(event: Event): string {
    return event.target instanceof HTMLInputElement ? event.target.value : ""
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault()
    const input = this.secretInput().nativeElement
    const secret = input.value
    input.value = ""
    this.saving.set(true)
    const saved = await this.store.create({ provider: this.provider(), name: this.name(), secret })
    this.saving.set(false)
    if (saved) this.name.set("")
  }

  protected async remove(credentialId: string, name: string): Promise<void> {
    if (
      globalThis.confirm?.(`Delete the credential "${name}"? Graphs that use it will fail until given another.`) ===
      false
    )
      return
    await this.store.remove(credentialId)
  }
}
