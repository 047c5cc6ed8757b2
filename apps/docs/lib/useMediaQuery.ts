import { onBeforeUnmount, onMounted, type Ref, ref } from 'vue';

/**
 * Whether a CSS media query matches, kept up to date as the window changes; `false` on the server and until the
 * page is mounted (the pre-rendered page is the desktop one). Pages use it to lay charts out for a phone.
 * @example
 * const narrow = useMediaQuery('(max-width: 640px)');
 * const columns = computed(() => (narrow.value ? 2 : 4));
 */
export function useMediaQuery(query: string): Ref<boolean> {
  const matches = ref(false);
  let list: MediaQueryList | undefined;
  const update = (): void => {
    matches.value = list?.matches ?? false;
  };
  onMounted(() => {
    list = window.matchMedia(query);
    update();
    list.addEventListener('change', update);
  });
  onBeforeUnmount(() => list?.removeEventListener('change', update));
  return matches;
}
