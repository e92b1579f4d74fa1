import { bootApp } from './app/start'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('Roster needs an element with id "root" to start.')
void bootApp(root)
