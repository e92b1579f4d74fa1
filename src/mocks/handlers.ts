// The one happy-path handler list, shared by every mount of the mock backend: Vitest
// (node.ts), the Vite dev/preview middleware and the standalone server (middleware.ts).
// Tests add failures per test with `server.use(...)`.
import { contactHandlers } from './routes/contacts.ts'
import { propertyContactHandlers } from './routes/property-contacts.ts'
import { propertyHandlers } from './routes/properties.ts'

export const handlers = [...propertyHandlers, ...contactHandlers, ...propertyContactHandlers]
