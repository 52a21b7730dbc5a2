import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import Components from 'unplugin-vue-components/vite';
import { defineConfig } from 'vite';

/**
 * The console build. Element Plus components are imported one by one where a template uses them
 * (the resolver), not from the barrel: the sign-in route then loads about half the bytes.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [vue(), Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Old Windows PCs in county offices still run Chromium-based browsers of a few years ago.
    target: 'es2020',
    reportCompressedSize: false,
  },
});
