// The `debug` service (only with TYPENATIVE_GTK_DEBUG=1): lets tests look
// at what AT-SPI does not expose — a widget's opacity — and save a
// screenshot of the window rendered by GTK itself.
import Gtk from "gi://Gtk?version=4.0";

function findByName(widget, name) {
  if (widget.get_name() === name) return widget;
  for (let child = widget.get_first_child(); child !== null; child = child.get_next_sibling()) {
    const found = findByName(child, name);
    if (found !== null) return found;
  }
  return null;
}

export function debugService(window) {
  return {
    /** `[testID]` → the widget's type, opacity, visibility and size, or null. */
    inspect([testID]) {
      const widget = findByName(window, String(testID));
      if (widget === null) return null;
      return {
        type: widget.constructor.$gtype.name,
        opacity: widget.get_opacity(),
        mapped: widget.get_mapped(),
        width: widget.get_width(),
        height: widget.get_height(),
      };
    },
    /**
     * `[testID]` of a FlatList → `{ rows, bound }`: the rows its Gtk.ListView
     * holds, and how many of them are bound to a list item (realized) now.
     */
    list([testID]) {
      const scroller = findByName(window, String(testID));
      const view = scroller === null ? null : scroller.get_child();
      if (!(view instanceof Gtk.ListView)) return null;
      let bound = 0;
      for (let item = view.get_first_child(); item !== null; item = item.get_next_sibling()) {
        const cell = item.get_first_child();
        if (cell !== null && cell.get_first_child() !== null) bound++;
      }
      return { rows: view.get_model().get_n_items(), bound };
    },
    /** `[path]` → saves a PNG of the window as GTK renders it. */
    screenshot([path]) {
      const width = window.get_width();
      const height = window.get_height();
      const paintable = new Gtk.WidgetPaintable({ widget: window });
      const snapshot = new Gtk.Snapshot();
      paintable.snapshot(snapshot, width, height);
      const node = snapshot.to_node();
      if (node === null) throw new Error("nothing to render");
      const texture = window.get_native().get_renderer().render_texture(node, null);
      texture.save_to_png(String(path));
      return { width, height };
    },
  };
}
