// Vue 3 with the ESM build. The one Vue-specific line: tell the template compiler that
// <safetrade-meetup> is a custom element (with Vite: `vue({ template: { compilerOptions: { isCustomElement } } })`).
import { createApp } from 'vue';
import 'safetrade-meetup';

const app = createApp({
  data: () => ({
    seller: { lat: 40.7359, lng: -73.9911 }, // Union Square
    buyers: {
      midtown: { label: 'Midtown', lat: 40.758, lng: -73.9855 },
      brooklyn: { label: 'Crown Heights', lat: 40.6782, lng: -73.9442 },
    },
    buyerKey: 'midtown',
    suggested: 0,
    selected: null,
  }),
  computed: {
    buyer() {
      return this.buyers[this.buyerKey];
    },
  },
  methods: {
    onSelect(event) {
      this.selected = event.detail.suggestion.station.name;
    },
  },
});
app.config.compilerOptions.isCustomElement = (tag) => tag === 'safetrade-meetup';
app.mount('#app');
