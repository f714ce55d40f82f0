// The GTK 4 backend of the applier: built-ins → widgets.
//
// | typenative   | GTK 4                                                    |
// | ------------ | -------------------------------------------------------- |
// | Text         | Gtk.Label (wraps)                                        |
// | Button       | Gtk.Button                                               |
// | TextInput    | Gtk.Entry, or Gtk.TextView when `multiline`              |
// | View, Column | Gtk.Box, vertical                                        |
// | Row          | Gtk.Box, horizontal                                      |
// | ScrollView   | Gtk.ScrolledWindow around a vertical Gtk.Box             |
// | FlatList     | Gtk.ScrolledWindow around a Gtk.ListView (virtualized)   |
// | Image        | Gtk.Picture                                              |
// | Spacer       | an empty Gtk.Box that expands along its parent's axis    |
//
// Text nodes have no widget: a Text's label (a Button's label) is the text
// of its text children, refreshed when they change. Toolkit signals call
// the endpoint (`raise`, `userEdited`); the endpoint only sends events for
// handlers the runtime listens to.
import Gtk from "gi://Gtk?version=4.0";
import Gdk from "gi://Gdk?version=4.0";
import Gio from "gi://Gio";
import GLib from "gi://GLib";
import GObject from "gi://GObject";
import { StyleSheet, cssFor, crossAlign } from "./styles.js";

const TEXT = "#text";

function intValue(n) {
  const value = new GObject.Value();
  value.init(GObject.TYPE_INT);
  value.set_int(n);
  return value;
}

/** The handle of a view: its outer widget and the box its children go into. */
class Handle {
  constructor(widget, content) {
    this.widget = widget;
    this.content = content;
    /** Set while the host writes a TextInput's text, so the change is not the user's. */
    this.writing = false;
  }
}

/**
 * The children of a FlatList: a `Gtk.ListView` over a `Gio.ListStore` of the
 * row widgets the runtime sent, in order. The ListView is virtualized: it
 * binds (parents, measures, draws, exposes to AT-SPI) only the rows in and
 * near its viewport. Each list item's child is a cell box of ours, and
 * binding puts the row widget into the cell, taking it out of whatever cell
 * held it before — so GTK's recycling never parents one widget twice.
 * It speaks the subset of `Gtk.Box` the backend uses for containers.
 */
class ListContent {
  constructor() {
    this.store = new Gio.ListStore({ item_type: Gtk.Widget.$gtype });
    this.spacing = 0;
    this.cells = new Set();
    const factory = new Gtk.SignalListItemFactory();
    factory.connect("setup", (_factory, item) => {
      const cell = new Gtk.Box({ orientation: Gtk.Orientation.VERTICAL });
      this.cells.add(cell);
      item.set_child(cell);
    });
    factory.connect("teardown", (_factory, item) => this.cells.delete(item.get_child()));
    factory.connect("bind", (_factory, item) => {
      const cell = item.get_child();
      const row = item.get_item();
      for (let child = cell.get_first_child(); child !== null; child = cell.get_first_child()) cell.remove(child);
      const holder = row.get_parent();
      if (holder !== null) holder.remove(row);
      cell.append(row);
      cell.set_margin_bottom(this.spacing);
    });
    factory.connect("unbind", (_factory, item) => {
      const cell = item.get_child();
      const row = item.get_item();
      if (row.get_parent() === cell) cell.remove(row);
    });
    this.view = new Gtk.ListView({ model: new Gtk.NoSelection({ model: this.store }), factory });
  }

  indexOf(widget) {
    const [found, position] = this.store.find(widget);
    return found ? position : -1;
  }

  insert_child_after(widget, before) {
    this.store.insert(before === null ? 0 : this.indexOf(before) + 1, widget);
  }

  reorder_child_after(widget, before) {
    const at = this.indexOf(widget);
    if (at >= 0) this.store.remove(at);
    this.insert_child_after(widget, before);
  }

  remove(widget) {
    const at = this.indexOf(widget);
    if (at >= 0) this.store.remove(at);
    const holder = widget.get_parent();
    if (holder !== null) holder.remove(widget);
  }

  set_spacing(spacing) {
    if (spacing === this.spacing) return;
    this.spacing = spacing;
    for (const cell of this.cells) cell.set_margin_bottom(spacing);
  }

  /** The row widgets in order (for checks). */
  children() {
    const out = [];
    for (let i = 0; i < this.store.get_n_items(); i++) out.push(this.store.get_item(i));
    return out;
  }
}

/** GTK's role for a view's `accessibilityRole` (fixed when the widget is made, as GTK requires). */
const ROLES = {
  button: "BUTTON", switch: "SWITCH", checkbox: "CHECKBOX", dialog: "DIALOG", alertdialog: "ALERT_DIALOG", progressbar: "PROGRESS_BAR",
  tab: "TAB", tablist: "TAB_LIST", list: "LIST", listitem: "LIST_ITEM", heading: "HEADING", img: "IMG", link: "LINK",
  group: "GROUP", region: "REGION", navigation: "NAVIGATION", search: "SEARCH", status: "STATUS", alert: "ALERT", none: "PRESENTATION",
  presentation: "PRESENTATION",
};

function accessibleRole(node) {
  const name = ROLES[node.props.accessibilityRole];
  const role = name === undefined ? undefined : Gtk.AccessibleRole[name];
  return role === undefined ? Gtk.AccessibleRole.GENERIC : role;
}

function vertical(role) {
  const options = { orientation: Gtk.Orientation.VERTICAL };
  if (role !== undefined) options.accessible_role = role;
  return new Gtk.Box(options);
}

/** All text under `node`, for a Label or a Button. */
function textOf(node) {
  if (node.type === TEXT) return node.text;
  let out = "";
  for (const child of node.children) out += textOf(child);
  return out;
}

/** The view that shows `node`'s text (a Text or Button at or above it), or null. */
function labelOwner(node) {
  for (let at = node; at !== null; at = at.parent) {
    if (at.type === "Text" || at.type === "Button") {
      // The outermost Text owns the label (nested Text is part of its text).
      let owner = at;
      for (let up = at.parent; up !== null && (up.type === "Text" || up.type === "Button"); up = up.parent) owner = up;
      return owner;
    }
  }
  return null;
}

/** Whether children of `node` are widgets inside it (a Text or Button shows them as text instead). */
function holdsWidgets(node) {
  return node.handle !== null && node.handle.content !== null;
}

/**
 * Creates the backend. `endpoint()` returns the host endpoint (created after
 * the backend); `window` is the toplevel, `rootBox` the box of tag 0.
 */
export function createGtkBackend({ endpoint, rootBox, onCommit }) {
  const styles = new StyleSheet();
  const listen = (node, name, payload) => endpoint().raise(node.tag, name, payload);

  function refreshText(node) {
    const owner = labelOwner(node);
    if (owner === null) return;
    const text = textOf(owner);
    if (owner.type === "Text") owner.handle.widget.set_text(text);
    else {
      owner.handle.widget.set_label(text);
      // A new label child would name the button again: an explicit name wins.
      if (typeof owner.props.accessibilityLabel === "string") refreshName(owner);
    }
  }

  /** Accessible name: `accessibilityLabel`, else a TextInput's `label`, else its placeholder, else an Image's `alt`. */
  function refreshName(node) {
    const p = node.props;
    let name = typeof p.accessibilityLabel === "string" ? p.accessibilityLabel : null;
    if (name === null && node.type === "TextInput") name = typeof p.label === "string" ? p.label : typeof p.placeholder === "string" ? p.placeholder : null;
    if (name === null && node.type === "Image") name = typeof p.alt === "string" ? p.alt : null;
    if (name === null) {
      if (node.type === "TextInput" || node.type === "Image" || node.handle.named) node.handle.widget.reset_property(Gtk.AccessibleProperty.LABEL);
      return;
    }
    node.handle.named = true;
    node.handle.widget.update_property([Gtk.AccessibleProperty.LABEL], [name]);
  }

  function inputText(node) {
    const widget = node.handle.widget;
    if (widget instanceof Gtk.TextView) {
      const buffer = widget.get_buffer();
      return buffer.get_text(buffer.get_start_iter(), buffer.get_end_iter(), false);
    }
    return widget.get_text();
  }

  function writeInput(node, text) {
    if (inputText(node) === text) return;
    const handle = node.handle;
    handle.writing = true;
    try {
      if (handle.widget instanceof Gtk.TextView) handle.widget.get_buffer().set_text(text, -1);
      else handle.widget.set_text(text);
    } finally {
      handle.writing = false;
    }
  }

  function makeInput(node) {
    const multiline = node.props.multiline === true;
    let widget;
    let handle;
    const changed = () => {
      if (handle.writing) return;
      endpoint().userEdited(node.tag, inputText(node));
    };
    if (multiline) {
      widget = new Gtk.TextView({ wrap_mode: Gtk.WrapMode.WORD_CHAR, accepts_tab: false, top_margin: 6, bottom_margin: 6, left_margin: 6, right_margin: 6 });
      widget.add_css_class("tn-input");
      handle = new Handle(widget, null);
      widget.get_buffer().connect("changed", changed);
    } else {
      widget = new Gtk.Entry();
      handle = new Handle(widget, null);
      widget.connect("changed", changed);
      // The handler's argument is the text itself (`onSubmitEditing(text)`), as on the web and in the Worker host.
      widget.connect("activate", () => listen(node, "onSubmitEditing", inputText(node)));
    }
    const focus = new Gtk.EventControllerFocus();
    focus.connect("enter", () => listen(node, "onFocus"));
    focus.connect("leave", () => listen(node, "onBlur"));
    widget.add_controller(focus);
    return handle;
  }

  function makeScroller(node, list) {
    const content = list ? new ListContent() : vertical();
    const widget = new Gtk.ScrolledWindow({ hscrollbar_policy: Gtk.PolicyType.NEVER, propagate_natural_height: true, child: list ? content.view : content });
    const adjustment = widget.get_vadjustment();
    const report = () => {
      const offset = adjustment.get_value();
      const viewportHeight = adjustment.get_page_size();
      if (viewportHeight <= 0) return;
      const last = node.handle.lastScroll;
      if (last !== undefined && last[0] === offset && last[1] === viewportHeight && last[2] === adjustment.get_upper()) return;
      node.handle.lastScroll = [offset, viewportHeight, adjustment.get_upper()];
      listen(node, "onScroll", { offset, viewportHeight, contentHeight: adjustment.get_upper() });
    };
    adjustment.connect("value-changed", report);
    adjustment.connect("changed", report);
    // Pull-to-refresh: scrolling on upwards while already at the top — a
    // wheel, a touchpad or a touch overshoot — refreshes once the pull adds
    // up to three wheel steps within a second.
    const refreshable = () => node.props.onRefresh === true && node.props.refreshing !== true;
    let pull = 0;
    let pulledAt = 0;
    const scroll = new Gtk.EventControllerScroll({ flags: Gtk.EventControllerScrollFlags.VERTICAL });
    scroll.set_propagation_phase(Gtk.PropagationPhase.CAPTURE);
    scroll.connect("scroll", (_controller, _dx, dy) => {
      const now = Date.now();
      if (now - pulledAt > 1000) pull = 0;
      pulledAt = now;
      if (dy < 0 && adjustment.get_value() <= adjustment.get_lower() && refreshable()) {
        pull -= dy;
        if (pull >= 3) {
          pull = 0;
          listen(node, "onRefresh");
        }
      } else pull = 0;
      return false;
    });
    widget.add_controller(scroll);
    widget.connect("edge-overshot", (_widget, position) => {
      if (position === Gtk.PositionType.TOP && refreshable()) listen(node, "onRefresh");
    });
    return new Handle(widget, content);
  }

  function makeView(node) {
    switch (node.type) {
      case "Text":
        return new Handle(new Gtk.Label({ wrap: true, wrap_mode: 2 /* WORD_CHAR */, xalign: 0, label: "" }), null);
      case "Button": {
        const widget = new Gtk.Button({ label: "" });
        widget.connect("clicked", () => listen(node, "onClick"));
        return new Handle(widget, null);
      }
      case "TextInput":
        return makeInput(node);
      case "Row": {
        const box = new Gtk.Box({ orientation: Gtk.Orientation.HORIZONTAL, accessible_role: accessibleRole(node) });
        return new Handle(box, box);
      }
      case "View":
      case "Column": {
        const box = vertical(accessibleRole(node));
        return new Handle(box, box);
      }
      case "ScrollView":
        return makeScroller(node);
      case "FlatList":
        return makeScroller(node, true);
      case "Image":
        return new Handle(new Gtk.Picture({ can_shrink: true, content_fit: 1 /* CONTAIN */ }), null);
      case "Spacer": {
        const box = new Gtk.Box({ accessible_role: Gtk.AccessibleRole.PRESENTATION });
        return new Handle(box, null);
      }
    }
    throw new Error(`gtk host: no widget for ${node.type}`);
  }

  /** Expand and cross-axis alignment of `child`, from its style and its parent's. */
  function place(parent, child) {
    if (child.handle === null || !holdsWidgets(parent)) return;
    const widget = child.handle.widget;
    const horizontal = parent.type === "Row";
    const style = child.props.style || {};
    const grow = (typeof style.flex === "number" && style.flex > 0) || (typeof style.flexGrow === "number" && style.flexGrow > 0) || (child.type === "Spacer" && style.width === undefined && style.height === undefined);
    // A Text placed straight in a Row keeps its line (the Row's spare space goes to spacers); with flex it wraps.
    if (child.type === "Text") widget.set_wrap(!horizontal || grow);
    widget.set_hexpand(horizontal ? grow : false);
    widget.set_vexpand(horizontal ? false : grow);
    const parentStyle = parent.props.style || {};
    // A full-size child stretches across whatever its parent's alignItems says.
    const full = horizontal ? style.height === "100%" : style.width === "100%";
    const align = full ? Gtk.Align.FILL : crossAlign(style.alignSelf !== undefined ? style.alignSelf : parentStyle.alignItems);
    if (horizontal) widget.set_valign(align);
    else widget.set_halign(align);
  }

  /**
   * The widget `parent`'s child at `index` goes after: the nearest earlier
   * sibling whose widget is in `parent`'s container. Text nodes have no
   * widget, and an open modal view's widget is in its own window — GTK
   * refuses a sibling from elsewhere, and the view would never show.
   */
  function widgetBefore(parent, index) {
    for (let i = index - 1; i >= 0; i--) {
      const handle = parent.children[i].handle;
      if (handle !== null && !handle.modalWindow) return handle.widget;
    }
    return null;
  }

  function applyStyle(node) {
    const handle = node.handle;
    const widget = handle.widget;
    const style = node.props.style && typeof node.props.style === "object" ? node.props.style : {};
    widget.set_opacity(typeof style.opacity === "number" ? Math.min(1, Math.max(0, style.opacity)) : 1);
    if (handle.content !== null) handle.content.set_spacing(typeof style.spacing === "number" ? style.spacing : 0);
    const width = typeof style.width === "number" ? style.width : -1;
    const height = typeof style.height === "number" ? style.height : -1;
    widget.set_size_request(width, height);
    if (widget instanceof Gtk.ScrolledWindow) {
      // Without a height there is nothing to scroll inside: the list is as tall as its rows (the window scrolls).
      widget.set_propagate_natural_height(height < 0);
      widget.set_policy(Gtk.PolicyType.NEVER, height < 0 ? Gtk.PolicyType.NEVER : Gtk.PolicyType.AUTOMATIC);
    }
    if (widget instanceof Gtk.Label) {
      const align = style.textAlign === "center" ? 0.5 : style.textAlign === "right" ? 1 : 0;
      widget.set_xalign(align);
      widget.set_justify(align === 0.5 ? Gtk.Justification.CENTER : align === 1 ? Gtk.Justification.RIGHT : Gtk.Justification.LEFT);
    }
    const css = cssFor(node.type, style);
    if (css !== "") widget.add_css_class(`tn${node.tag}`);
    styles.set(node.tag, css, widget instanceof Gtk.TextView);
    // Children's alignment follows this view's alignItems.
    if (holdsWidgets(node)) for (const child of node.children) place(node, child);
    if (node.parent !== null) place(node.parent, node);
  }

  function loadImage(node) {
    const picture = node.handle.widget;
    const source = node.props.source;
    if (typeof source !== "string") {
      picture.set_file(null);
      return;
    }
    if (source.startsWith("file:")) picture.set_file(Gio.File.new_for_uri(source));
    else if (source.startsWith("/")) picture.set_file(Gio.File.new_for_path(source));
    else if (/^https?:/i.test(source)) picture.set_file(Gio.File.new_for_uri(source));
    else picture.set_file(null);
  }

  function setProp(node, name, value) {
    const widget = node.handle.widget;
    switch (name) {
      case "style":
        applyStyle(node);
        return;
      case "testID":
        widget.set_name(typeof value === "string" ? value : "");
        return;
      case "accessibilityLabel":
      case "label":
      case "placeholder":
      case "alt":
        if (name === "placeholder" && widget instanceof Gtk.Entry) widget.set_placeholder_text(typeof value === "string" ? value : null);
        refreshName(node);
        return;
      case "disabled":
        widget.set_sensitive(value !== true);
        return;
      case "accessibilityState":
        if (value !== null && typeof value === "object") {
          // SELECTED is a "boolean or undefined" state, which GTK reads as an int.
          if (typeof value.selected === "boolean") widget.update_state([Gtk.AccessibleState.SELECTED], [intValue(value.selected ? 1 : 0)]);
          if (typeof value.busy === "boolean") widget.update_state([Gtk.AccessibleState.BUSY], [value.busy]);
          // CHECKED is a tristate (a Switch is on or off).
          if (typeof value.checked === "boolean") widget.update_state([Gtk.AccessibleState.CHECKED], [intValue(value.checked ? 1 : 0)]);
        }
        return;
      case "onClick":
      case "onPressIn":
      case "onPressOut":
        // One click gesture per view serves all three; each raises only what the view listens to.
        if (node.type !== "Button" && value === true && node.handle.click === undefined) {
          const click = new Gtk.GestureClick();
          click.connect("pressed", () => {
            if (node.props.onPressIn === true) listen(node, "onPressIn");
          });
          click.connect("released", () => {
            if (node.props.onPressOut === true) listen(node, "onPressOut");
            if (node.props.onClick === true && !node.handle.longPressed) listen(node, "onClick");
            node.handle.longPressed = false;
          });
          widget.add_controller(click);
          node.handle.click = click;
        }
        return;
      case "onLongPress":
        if (value === true && node.handle.longPress === undefined) {
          const long = new Gtk.GestureLongPress();
          long.connect("pressed", () => {
            node.handle.longPressed = true;
            listen(node, "onLongPress");
          });
          widget.add_controller(long);
          node.handle.longPress = long;
        }
        return;
    }
    if (node.type === "TextInput") {
      switch (name) {
        case "value":
          writeInput(node, typeof value === "string" ? value : "");
          return;
        case "editable":
          widget.set_editable(value !== false);
          return;
        case "secureTextEntry":
          if (widget instanceof Gtk.Entry) widget.set_visibility(value !== true);
          return;
        case "maxLength":
          if (widget instanceof Gtk.Entry) widget.set_max_length(typeof value === "number" ? value : 0);
          return;
      }
    }
    if (node.type === "Image" && name === "source") loadImage(node);
  }

  /**
   * A modal view (`accessibilityViewIsModal`, which `pn.Modal` sets) is a
   * real modal window over the app's, titled by its accessible name: the
   * window manager and screen readers treat it as one. Closing it (the
   * title bar, Escape) asks the app (`onAccessibilityEscape`); the app
   * decides, and removing the view closes the window.
   */
  function openModalWindow(node) {
    const window = new Gtk.Window({
      modal: true,
      transient_for: rootBox.get_root(),
      title: typeof node.props.accessibilityLabel === "string" ? node.props.accessibilityLabel : "",
      child: node.handle.widget,
      default_width: 360,
    });
    window.connect("close-request", () => {
      listen(node, "onAccessibilityEscape");
      return true;
    });
    const keys = new Gtk.EventControllerKey();
    keys.connect("key-pressed", (_controller, keyval) => {
      if (keyval !== Gdk.KEY_Escape) return false;
      listen(node, "onAccessibilityEscape");
      return true;
    });
    window.add_controller(keys);
    node.handle.modalWindow = window;
    window.present();
  }

  function closeModalWindow(handle) {
    const window = handle.modalWindow;
    handle.modalWindow = null;
    window.set_child(null);
    window.destroy();
  }

  return {
    createView(node) {
      node.handle = makeView(node);
      if (node.type === "TextInput" || node.type === "Image") refreshName(node);
      for (const name of Object.keys(node.props)) setProp(node, name, node.props[name]);
      if (node.props.style === undefined) applyStyle(node);
      return node.handle;
    },

    createText() {
      return null;
    },

    insert(parent, child, index) {
      if (child.type === TEXT || !holdsWidgets(parent)) {
        refreshText(parent);
        return;
      }
      if (child.props.accessibilityViewIsModal === true) {
        openModalWindow(child);
        return;
      }
      const container = parent.tag === 0 ? rootBox : parent.handle.content;
      container.insert_child_after(child.handle.widget, widgetBefore(parent, index));
      place(parent, child);
    },

    move(parent, child, index) {
      if (child.type === TEXT || !holdsWidgets(parent)) {
        refreshText(parent);
        return;
      }
      if (child.handle.modalWindow) return;
      const container = parent.tag === 0 ? rootBox : parent.handle.content;
      container.reorder_child_after(child.handle.widget, widgetBefore(parent, index));
    },

    remove(parent, child) {
      if (child.type === TEXT || !holdsWidgets(parent)) {
        refreshText(parent);
        return;
      }
      if (child.handle.modalWindow) {
        closeModalWindow(child.handle);
        return;
      }
      const container = parent.tag === 0 ? rootBox : parent.handle.content;
      container.remove(child.handle.widget);
    },

    update(node, changes, removed) {
      for (const name of Object.keys(changes)) setProp(node, name, changes[name]);
      for (const name of removed) setProp(node, name, undefined);
    },

    setText(node) {
      if (node.parent !== null) refreshText(node.parent);
    },

    release(node) {
      styles.forget(node.tag);
      // A modal view removed with an ancestor (its screen went) gets no remove of its own.
      if (node.handle !== null && node.handle.modalWindow) closeModalWindow(node.handle);
    },

    commitEnd(revision) {
      styles.flush();
      if (onCommit) onCommit(revision);
    },
  };
}

/** Whether the runtime's `holdsWidgets` knows the root: the root's handle is the window's box. */
export function rootHandle(rootBox) {
  return new Handle(rootBox, rootBox);
}

export { GLib };
