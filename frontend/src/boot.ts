/**
 * The page's only script tag. Prerendered pages are already readable, so let the browser
 * paint them first, then load the app (which takes over the same markup). Routes that are
 * not prerendered show the app's frame meanwhile; on repeat visits everything comes from
 * the service worker's cache.
 */
import './styles/base.css';

// Two frames: the first paints the page, the second starts after it has been presented.
requestAnimationFrame(() => {
  requestAnimationFrame(() => {
    setTimeout(() => void import('./main'), 0);
  });
});
