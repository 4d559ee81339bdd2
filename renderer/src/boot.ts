import { readView } from './store/preferences';

// The first of the app's modules to run (main.tsx imports it before anything else). When the app
// reopens on the table, the table's chunk (and AG Grid with it) is asked for now, while the rest of
// the app's script runs, instead of once it has: at launch that chunk was the last thing the table
// waited for. A launch on another view asks for it later (main.tsx), so that its fetch and compile
// do not compete with the first screen's script.
if (readView(['table']) === 'table') void import('./table/TableView');
