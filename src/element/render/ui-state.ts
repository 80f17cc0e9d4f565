// State that only changes what is shown, held apart from the element: whether the map is open on a
// narrow screen, and which street-tile template failed (so the schematic stands in for it).
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class UiState implements ReactiveController {
  mapOpen = false;
  failedTiles: string | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  toggleMap(): void {
    this.mapOpen = !this.mapOpen;
    this.host.requestUpdate();
  }

  /** One failed tile is enough: a map with holes in it orients nobody. A new template tries again. */
  tileError(template: string): void {
    if (this.failedTiles === template) return;
    this.failedTiles = template;
    this.host.requestUpdate();
  }
}
