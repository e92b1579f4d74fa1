export { parseIdSegment as parsePropertyIdParam } from '../config/paths'
