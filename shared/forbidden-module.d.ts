// Layers that must not reach Electron map the 'electron' module here (tsconfig "paths"),
// so `import { app } from 'electron'` fails to compile in them: this module exports nothing.
export {};
