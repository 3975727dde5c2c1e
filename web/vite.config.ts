// Vite build of the Sen web app; in development /api and /healthz go to a local `sen serve`.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const server = 'http://127.0.0.1:8080';

/** Libraries change less often than the app: separate chunks stay cached across releases. */
function vendorChunk(id: string): string | undefined {
  if (!id.includes('/node_modules/')) return undefined;
  if (/\/node_modules\/(antd|@ant-design|@rc-component|rc-[^/]+)\//.test(id)) return 'antd';
  return 'vendor';
}

export default defineConfig({
  plugins: [react()],
  build: {
    rollupOptions: { output: { manualChunks: vendorChunk } },
    // Ant Design is one library of about 1 MB minified (300 kB gzipped); everything else stays well below.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': { target: server, ws: true },
      '/healthz': server,
    },
  },
});
