// First, for its side effect: the request for the first tap's code (warm-now.ts).
import './app/warm-now'
import { bootApp } from './app/start'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('Roster needs an element with id "root" to start.')
void bootApp(root)
