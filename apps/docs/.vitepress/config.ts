import { defineConfig } from 'vitepress';

export default defineConfig({
  title: 'attn',
  description: 'Attention mechanisms, step by step, computed live in your browser.',
  lang: 'en',
  cleanUrls: false,
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  themeConfig: {
    nav: [{ text: 'Tutorial', link: '/' }],
    sidebar: [],
  },
});
