// The typed Open To Close client: framework-free, so the app, tests and Node
// scripts share it. Import from here, not from the files behind it — except
// ./transaction-setup, imported on its own so pages that do not use it never load it.
export { OpenToCloseAPI, type OpenToCloseAPIOptions } from './client'
export {
  AuthenticationError,
  ConflictError,
  DataFormatError,
  MethodNotAllowedError,
  NetworkError,
  NotFoundError,
  OpenToCloseAPIError,
  PreconditionFailedError,
  RateLimitError,
  ServerError,
  ValidationError,
  WrongLinkError,
  writeOutcomeUnknown,
  type ErrorDetails,
} from './errors'
export { HTML_INSTEAD_OF_DATA, type FetchLike, type RequestOptions } from './http'
export type { ContactsResource } from './resources/contacts'
export { changeHeaders, type ChangeLabel, type ChangeReason } from './resources/change-label'
export type { PropertiesResource } from './resources/properties'
export type { PropertyContactsResource } from './resources/property-contacts'
export {
  linkChanges,
  linkVersion,
  versionMatches,
  wrongLinkProblem,
  type LinkChange,
  type LinkField,
} from './link-version'
export { isTransientError, retryAfterSeconds, retryDelayFor } from './retry'
export {
  OTHER_ROLE,
  STANDARD_ROLES,
  canonicalRole,
  chosenRole,
  roleChoiceProblem,
  roleKey,
  roleProblem,
  roleSchema,
  roleText,
  sameRole,
} from './roles'
export {
  primaryCollisionMessage,
  primaryCollisions,
  repeatedContactMessage,
  repeatedContacts,
  type RepeatedContact,
} from './roster-rules'
export * from './schemas'
export type { IdLike } from './validate'
