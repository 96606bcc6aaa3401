// After each test file of the Node project (setupFilesAfterEnv): what the file's own modules left
// switched on in the process, switched off.
//
// Each test file requires the API into a fresh module registry, so each one makes its own
// nestjs-pino AsyncLocalStorage; once used, an AsyncLocalStorage stays on the process's list of
// stores for good, and every promise, timer and socket made after it pays for each store on the
// list: after 80 files in one process, about 20 s of CPU (node:async_hooks in a CPU profile).
import { storage } from 'nestjs-pino/storage';

afterAll(() => storage.disable());
