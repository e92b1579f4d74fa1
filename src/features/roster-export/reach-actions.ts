// What the "Reach everyone" controls do, loaded on the first click: the writers are
// code the page does not need to show the roster.
import type { PropertyContact } from '../../api'
import { copyText } from './clipboard'
import { contactRow } from './contact-row'
import { contactDetails, emailList, type EmailListFormat } from './copy-formats'
import { rosterCsv } from './csv'
import { downloadText } from './download'
import { exportFileName } from './file-names'
import { describeUnreachable, reachableAddresses } from './mailto'
import { rosterVcards } from './vcard'

export interface ExportedProperty {
  id: number
  title?: string | undefined
}

function contacts(count: number): string {
  return `${count} ${count === 1 ? 'contact' : 'contacts'}`
}

/** Copies `Name <email>` for everyone given; says how many, and who has no email. */
export async function copyEmails(
  links: readonly PropertyContact[],
  format: EmailListFormat,
): Promise<string> {
  const rows = links.map(contactRow)
  const { addresses, unreachable } = reachableAddresses(rows)
  const missing = describeUnreachable(unreachable)
  if (addresses.length === 0) throw new Error(`Nothing to copy: ${missing}`)
  await copyText(emailList(rows, format))
  const copied = `Copied ${addresses.length} email ${addresses.length === 1 ? 'address' : 'addresses'}${format === 'comma' ? ', comma-separated,' : ''} to the clipboard.`
  return missing ? `${copied} ${missing}` : copied
}

export async function copyContact(link: PropertyContact): Promise<string> {
  const row = contactRow(link)
  await copyText(contactDetails(row))
  return `Copied the details of ${row.name} to the clipboard.`
}

export function exportCsv(
  links: readonly PropertyContact[],
  property: ExportedProperty,
  now = new Date(),
): string {
  const fileName = exportFileName(property, 'csv', now)
  downloadText(rosterCsv(links.map(contactRow)), fileName, 'text/csv;charset=utf-8')
  return `Saved ${fileName} (${contacts(links.length)}).`
}

export function exportVcards(
  links: readonly PropertyContact[],
  property: ExportedProperty,
  now = new Date(),
): string {
  const fileName = exportFileName(property, 'vcf', now)
  const cards = rosterVcards(links.map(contactRow), property.title ?? '')
  downloadText(cards, fileName, 'text/vcard;charset=utf-8')
  return `Saved ${fileName} (${contacts(links.length)}).`
}
