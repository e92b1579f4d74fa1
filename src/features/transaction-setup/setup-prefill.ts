// Where the setup form starts: a row for each place the deal's checklist expects and
// its roster does not fill yet (none for those filled), so setting up a deal is
// filling in the blanks. A deal type the team expects nothing of starts with the
// generic rows: a seller, a buyer and their two agents.
import {
  canonicalRole,
  roleKey,
  STANDARD_ROLES,
  type ClientType,
  type PropertyContact,
} from '../../api'
import type { ChecklistConfig } from '../checklist/checklist-config'
import { checkRoster } from '../checklist/checklist-rules'
import {
  AGENT_ROLES,
  DEFAULT_SETUP,
  emptyRow,
  OTHER_ROLE,
  type SetupFormValues,
  type SetupRow,
} from './setup-form-schema'

const AGENT_KEYS = new Set<string>(AGENT_ROLES.map(roleKey))

/** A row picking `role`: from the picker's list when it is a standard role, else typed. */
function rowFor(role: string): SetupRow {
  const canonical = canonicalRole(role)
  return (STANDARD_ROLES as readonly string[]).includes(canonical)
    ? emptyRow(canonical, true)
    : { ...emptyRow(OTHER_ROLE, true), otherRole: canonical }
}

export function prefilledSetup(
  config: ChecklistConfig,
  clientType: ClientType,
  roster: readonly PropertyContact[],
): SetupFormValues {
  if (config[clientType].length === 0) return DEFAULT_SETUP
  const values: SetupFormValues = { sellers: [], buyers: [], agents: [], others: [] }
  // Nobody holds the role yet: whoever is picked becomes its primary.
  for (const slot of checkRoster(config, clientType, roster).missing) {
    const role = slot.roles[0] ?? ''
    const key = roleKey(role)
    if (key === 'seller') values.sellers.push(emptyRow('', true))
    else if (key === 'buyer') values.buyers.push(emptyRow('', true))
    else if (AGENT_KEYS.has(key)) values.agents.push(emptyRow(canonicalRole(role), true))
    else values.others.push(rowFor(role))
  }
  return values
}
