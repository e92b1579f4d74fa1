// Asks for the code a first tap is likely to need (warm-modules.ts) as the page's script
// starts to run: imported first by main.tsx, so this runs before the rest of the
// script is evaluated (the bundle keeps the modules' order), that is as soon as the
// script is in and the network is free, rather than after React and the app are set
// up. A tap during hydration then finds the dialogs' code on its way or here.
import { warmModules } from './warm-modules'

warmModules(document)
