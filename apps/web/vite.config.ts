import { defineConfig } from 'vite';
import { appConfig } from './dev/app-config.ts';

// `vite build` from this directory; `pnpm web` and the browser suite use the same configuration.
const { configFile: _configFile, ...config } = appConfig();
export default defineConfig(config);
