// Every view of the app, and how a user reaches it; the accessibility scan visits each one.
// Add a view here when you add a screen or a dialog.
import { AppShell } from './pages.mjs';

export const VIEWS = [
  {
    name: 'lista raportów (start)',
    async open(page) {
      await new AppShell(page).ready();
    },
  },
];
