import { z } from 'zod';

// Our CSP has no 'unsafe-eval', so zod must not even probe `new Function` (Chromium reports the
// caught probe as a CSP violation). zod reads this flag when a schema is *built*, and shared/api
// builds its schemas at import time: main.tsx imports this module before anything else.
z.config({ jitless: true });
