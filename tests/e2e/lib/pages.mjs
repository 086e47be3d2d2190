// Page objects: what a user sees and does, located by role and label.
export class AppShell {
  constructor(page) {
    this.page = page;
    this.header = page.getByRole('banner');
    this.nav = page.getByRole('navigation', { name: 'Nawigacja główna' });
    this.main = page.getByRole('main');
    this.version = page.getByTestId('app-version');
  }

  async ready() {
    await this.main.waitFor();
  }
}
