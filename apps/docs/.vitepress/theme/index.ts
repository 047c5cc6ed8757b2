import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import { h } from 'vue';
import ChapterList from '../../components/ChapterList.vue';
import Chart from '../../components/Chart.vue';
import Checked from '../../components/Checked.vue';
import Controls from '../../components/Controls.vue';
import LandingMap from '../../components/LandingMap.vue';
import Shape from '../../components/Shape.vue';
import { loadVega } from '../../lib/loadVega';
import './custom.css';

/** The default VitePress theme plus the site's building blocks, usable in every Markdown page. */
const theme: Theme = {
  extends: DefaultTheme,
  // The landing page's live attention map sits right under the hero, above the fold on a desktop screen.
  Layout: () => h(DefaultTheme.Layout, null, { 'home-hero-after': () => h(LandingMap) }),
  enhanceApp({ app }) {
    // Start fetching the chart libraries with the page itself, not after the first chart mounts.
    if (!import.meta.env.SSR) void loadVega();
    app.component('ChapterList', ChapterList);
    app.component('Chart', Chart);
    app.component('Checked', Checked);
    app.component('Controls', Controls);
    app.component('Shape', Shape);
  },
};

export default theme;
